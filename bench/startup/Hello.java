/** A bare JVM start: the floor every command line program on this JVM stands on. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
