public class Main {
    public static void main(String[] a) {
        int[] v = new int[1];
        System.out.println(v[a.length + 3]);
    }
}
