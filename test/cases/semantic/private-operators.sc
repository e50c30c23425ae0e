// Private data has no built-in operators: operators come from definitions, with
// use-site classification of public operands and reshape of non-vector operands (§3.4, §3.6).
kind k3 {
    type bool;
    type uint32;
    type int64;
}
domain pd k3;

template <domain D : k3>
D uint32[[1]] operator + (D uint32[[1]] a, D uint32[[1]] b) {
    uint32[[1]] r = declassify(a) + declassify(b);
    return r;
}

template <domain D : k3>
D bool[[1]] operator < (D uint32[[1]] a, D uint32[[1]] b) {
    bool[[1]] r = declassify(a) < declassify(b);
    return r;
}

pd uint32 twice(pd uint32 x) {
    return x + x;
}

void main() {
    pd uint32 a = 1;
    pd uint32 b = a + a;
    pd uint32 c = a + 5;
    pd uint32 d = 5 + a;
    uint32 p = 2;
    pd uint32 e = a + p;
    pd uint32[[1]] v(4);
    pd uint32[[1]] w = v + a;
    pd uint32[[2]] m(2, 2);
    pd uint32[[2]] m2 = m + m;
    pd bool lt = a < b;
    pd bool[[2]] mlt = m < m;
    pd uint32 f = a * b;           //~ SC4009@19
    pd int64 g = 1;
    pd int64 h = g + g;            //~ SC4009@18
    pd bool k = lt && lt;          //~ SC4010@17
    pd uint32 n = -a;              //~ SC4009@19
    pd uint32[[2]] bad = m + v;    //~ SC3004@26
    a += p;
    a++;
    ++a;
    a -= p;                        //~ SC4009@5
    uint32 q = a + p;              //~ SC4007@16
}
