// Templates: quantifiers over domains (restricted or not), types and dims; on-demand
// instantiation with errors reported at the call site (§3.6).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

template <domain D, type T, dim N>
D T[[N]] ident(D T[[N]] x) {
    return x;
}

template <type T>
T twice(T x) {
    return x + x;
}

template <domain D : k3>
D uint32 pick(D uint32 x) {
    return x;
}

template <type T, type U>          //~ SC5004@24
T unused(T x) {
    return x;
}

template <type T>
T later(T x) {
    return helperDefinedLater(x);
}

uint32 helperDefinedLater(uint32 x) {
    return x;
}

void main() {
    uint32 a = ident(3u32);
    pd uint32[[1]] v(2);
    pd uint32[[1]] w = ident(v);
    bool[[2]] m(1, 1);
    bool[[2]] m2 = ident(m);
    uint32 b = twice(a);
    string s = twice("x");
    bool c = twice(true);          //~ SC5005@14
    bool c2 = twice(false);
    pd uint32 p = pick(1u32);      //~ SC5001@19
    pd uint32 q = 1;
    pd uint32 r = pick(q);
    uint32 l = later(a);
    int64 l2 = later(5);           //~ SC5005@16
}
