// More template rules: runaway instantiation, __domainid of a public binding,
// recursive structs, results that only the context determines (§3.6, §4).
kind k3 {
    type uint32;
}
domain pd k3;

template <type T>
struct box {
    T v;
}

struct loop {                      //~ SC3032@8
    loop inner;
}

template <type T>
void nest(T x) {
    box<T> b;
    nest(b);
}

template <domain D>
uint64 idOf(D uint32 x) {
    return __domainid(D);
}

template <domain D>
D uint32 fresh() {
    D uint32 x;
    return x;
}

void main() {
    nest(1u32);                    //~ SC5005@5
    pd uint32 s = 1;
    uint64 a = idOf(s);
    uint64 b = idOf(1u32);         //~ SC5005@16
    pd uint32 c = fresh();
    uint32 d = declassify(fresh() :: pd uint32);
    uint32 e = declassify(fresh()); //~ SC5001@27
}
