// Starting a process from Java: the JVM forks (vfork/clone without CLONE_THREAD) to exec
// jspawnhelper, a forbidden call (SV).
public class Main {
    public static void main(String[] a) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "echo CONTAINED").start();
        System.out.println(new String(p.getInputStream().readAllBytes()).trim());
    }
}
