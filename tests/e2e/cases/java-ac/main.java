import java.util.*;
import java.io.*;
public class Main {
    public static void main(String[] a) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in));
        StreamTokenizer t = new StreamTokenizer(r);
        t.nextToken(); int n = (int) t.nval; long s = 0;
        for (int i = 0; i < n; i++) { t.nextToken(); s += (long) t.nval; }
        for (int i = 0; i < n - 1; i++) { t.nextToken(); s -= (long) t.nval; }
        System.out.println(s);
    }
}
