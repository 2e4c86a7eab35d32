// Template bomb (C++): every instantiation F<N, M> needs two distinct ones, F<N-1, 2M> and F<N-1, 2M+1>, so F<30, 1> asks for 2^31 instantiations; cc1plus runs into the compile limits (here its CPU rlimit, SIGXCPU, after about 11 s): CE, within those limits.
#include <cstdio>

template <int N, unsigned long long M> struct F {
    static constexpr unsigned long long v = F<N - 1, 2 * M>::v + F<N - 1, 2 * M + 1>::v;
};
template <unsigned long long M> struct F<0, M> {
    static constexpr unsigned long long v = M & 1;
};

int main()
{
    std::printf("%llu\n", F<30, 1>::v);
    return 0;
}
