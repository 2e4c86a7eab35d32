#include <iostream>
#include <thread>
int main()
{
    long long a, b, r = 0;
    std::cin >> a >> b;
    std::thread t([&] { r = a + b; }); // threads within the process limit work
    t.join();
    std::cout << r << "\n";
}
