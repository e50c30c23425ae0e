// Conditions of if/while/do/for/assert/?: must be public bool scalars (§2, §3.4).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

void main() {
    pd bool s = true;
    bool p = true;
    if (p) { }
    while (p) { p = false; }
    do { } while (p);
    for (uint32 i = 0; i < 3; i++) { }
    assert(p);
    uint32 x = p ? 1 : 2;
    if (s) { }                     //~ SC4001@9
    while (s) { }                  //~ SC4001@12
    do { } while (s);              //~ SC4001@19
    for (; s; ) { }                //~ SC4001@12
    assert(s);                     //~ SC4001@12
    pd uint32 y = s ? 1 : 2;       //~ SC4001@19
    uint32 z = 1;
    if (z) { }                     //~ SC3002@9
    bool[[1]] v(2);
    while (v) { }                  //~ SC3002@12
}
