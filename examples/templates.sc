// Templates over types, dimensions and domains; overloading on parameter and
// return types; the most specific overload wins.
import stdlib;

template <type T>
T twice(T x) {
    return x + x;
}

template <type T, dim N>
T[[N]] twice(T[[N]] x) {
    return x * 2;
}

string describe(uint8 x) { return "uint8"; }
string describe(int64 x) { return "int64"; }

template <type T>
string describe(T x) { return "some type"; }

int64 pick() { return -1; }
bool pick() { return true; }

void main() {
    print(twice(21));
    print(twice(1.25));
    uint16[[1]] v = {1, 2, 3};
    printVector(twice(v));
    print(describe(1));
    print(describe(7u8));
    print(describe(true));
    int64 i = pick();
    bool b = pick();
    print(i, " ", b);
    publish("answer", twice(21 :: uint32));
}
