// Java thread bomb: past the language's thread count the JVM cannot create a native thread and
// throws OutOfMemoryError; uncaught, the program exits 1 (RE).
public class Main {
    public static void main(String[] a) {
        while (true) {
            Thread t = new Thread(() -> {
                try { Thread.sleep(100000); } catch (InterruptedException e) { }
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
