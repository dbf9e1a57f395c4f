package io.recruitsuite.search.indexing;

/** pgvector's text form, {@code [0.1,0.2,…]}, for binding a vector as a parameter. */
public final class Vectors {

    private Vectors() {
    }

    public static String literal(float[] vector) {
        StringBuilder sb = new StringBuilder(vector.length * 10 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(vector[i]);
        }
        return sb.append(']').toString();
    }
}
