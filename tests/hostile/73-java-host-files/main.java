// Host files from Java: nothing of /etc but the JDK's own configuration, no /root, no /proc.
import java.nio.file.*;
public class Main {
    public static void main(String[] a) {
        String[] files = {"/etc/passwd", "/etc/shadow", "/etc/hostname", "/root/.bash_history",
                          "/proc/self/environ"};
        StringBuilder leaked = new StringBuilder();
        for (String f : files) {
            try {
                String got = new String(Files.readAllBytes(Paths.get(f)));
                leaked.append("LEAKED ").append(f).append(": ").append(got).append('\n');
            } catch (Exception e) { }
        }
        try {
            Files.write(Paths.get("/etc/java-17-openjdk/hostile"), new byte[] {1});
            leaked.append("WROTE /etc/java-17-openjdk\n");
        } catch (Exception e) { }
        System.out.println(leaked.length() > 0 ? leaked.toString().trim() : "CONTAINED");
    }
}
