// The network from Java: socket() is refused (EACCES) in the JVM's profile, so the connection
// throws; uncaught, the program exits 1 (RE). Nothing leaves the empty network namespace.
import java.net.*;
public class Main {
    public static void main(String[] a) throws Exception {
        new Socket("1.1.1.1", 80).close();
        System.out.println("CONNECTED");
    }
}
