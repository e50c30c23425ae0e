// Operator definitions that take public operands are preferred over the built-ins;
// `(D) e` gives e the domain D (classifying a public value).
kind k3 {
    type uint32;
}
domain pd k3;

bool operator + (bool a, bool b) {
    return a || b;
}

template <domain D>
D uint32 zero() {
    D uint32 z;
    return z;
}

void main() {
    bool a = true;
    bool b = a + a;
    bool c = a - a;                //~ SC3003@14
    pd uint32 x = (pd) 5;
    pd uint32 y = (pd) zero();
    uint32 u = (pd) 5;             //~ SC4007@16
    pd uint32 w = (nodomain) 5;    //~ SC2003@20
}
