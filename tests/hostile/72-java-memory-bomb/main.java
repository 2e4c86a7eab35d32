// Java memory bomb: live arrays past the limit; the control group kills the JVM (MLE).
import java.util.*;
public class Main {
    public static void main(String[] a) {
        List<long[]> keep = new ArrayList<>();
        while (true) {
            long[] b = new long[1 << 20];
            Arrays.fill(b, 7);
            keep.add(b);
        }
    }
}
