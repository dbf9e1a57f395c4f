import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the driver: parse into Map/List/String/Double/Boolean/null, read paths, quote strings. */
final class Json {

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length()) {
            throw new IllegalArgumentException("trailing characters at " + p.i);
        }
        return v;
    }

    /** parse, or null when the text is not JSON (an error page, an empty body) */
    static Object tryParse(String text) {
        try {
            return text == null || text.isBlank() ? null : parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** the value at a path of object keys (String) and array indexes (Integer), or null */
    static Object at(Object node, Object... path) {
        for (Object p : path) {
            if (p instanceof String k && node instanceof Map<?, ?> m) {
                node = m.get(k);
            } else if (p instanceof Integer idx && node instanceof List<?> l && idx < l.size()) {
                node = l.get(idx);
            } else {
                return null;
            }
        }
        return node;
    }

    static String str(Object node, Object... path) {
        Object v = at(node, path);
        return v == null ? null : v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
    }

    static List<?> list(Object node, Object... path) {
        return at(node, path) instanceof List<?> l ? l : List.of();
    }

    static String quote(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** {"k": v, …} from alternating keys and values; values are quoted unless they are numbers, booleans or raw JSON */
    static String object(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < kv.length; k += 2) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(quote(kv[k].toString())).append(':');
            Object v = kv[k + 1];
            sb.append(v instanceof Number || v instanceof Boolean || v instanceof Raw ? v.toString() : quote(v.toString()));
        }
        return sb.append('}').toString();
    }

    record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    static Raw array(List<String> values) {
        return new Raw("[" + String.join(",", values.stream().map(Json::quote).toList()) + "]");
    }

    // ---------------------------------------------------------------- parser

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw new IllegalArgumentException("bad literal at " + i);
        }
        i += word.length();
        return v;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
            if (s.charAt(i) == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value());
            ws();
            if (s.charAt(i) == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("unexpected character at " + i);
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i);
        }
        i++;
    }
}
