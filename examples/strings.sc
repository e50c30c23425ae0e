// Strings: concatenation, comparison, tostring, strlen, interpolation of type
// names and values, and the byte conversions.
import stdlib;

template <type T>
string typeName(T x) {
    return "$T";
}

void main() {
    string s = "secret" + "-" + "sharing";
    print(s, " has ", strlen(s), " bytes");
    print("abc" < "abd", " ", "b" == "b");
    uint32 n = 42;
    string t = tostring(n);
    print("n is $n and its type is " + typeName(n));
    print(typeName(1.5), " ", typeName(true));
    uint8[[1]] bytes = __bytes_from_string("AZ");
    print(bytes[0], " ", bytes[1]);
    print(substring(s, 0 :: uint, 6 :: uint), " ", isPrefixOf("sec", s), " ", isSuffixOf("ring", s));
    print("tab\\t and quote \" and dollar \$");
    publish("greeting", "hello " + t);
}
