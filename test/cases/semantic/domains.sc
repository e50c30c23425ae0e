// Kinds, domains, restricted and unrestricted domain quantifiers (§3.1, §3.6).
kind ka {
    type bool;
    type uint32;
}
kind kb {
    type uint32;
}
domain da ka;
domain db kb;
domain da2 ka;

template <domain D : ka>
D uint32 onlyA(D uint32 x) {
    return x;
}

template <domain D>
D uint32 any(D uint32 x) {
    return x;
}

void main() {
    da uint32 a = 1;
    db uint32 b = 2;
    da2 uint32 a2 = 3;
    da uint32 r1 = onlyA(a);
    da2 uint32 r2 = onlyA(a2);
    db uint32 r3 = onlyA(b);       //~ SC5001@20
    db uint32 r4 = any(b);
    uint32 r5 = any(5u32);
    a = a2;                        //~ SC4008@9
    db bool nb;                    //~ SC3014@5
    da bool ok;
    da string st;                  //~ SC3014@5
    uint32 dd = a + b;             //~ SC4008@17
}
