// Rules for operator and cast definitions (§3.6).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

template <domain D : k3>
D uint32[[1]] operator ! (D uint32[[1]] a, D uint32[[1]] b) { //~ SC5007@24
    return a;
}

template <domain D : k3>
D bool[[1]] operator && (D bool[[1]] a, D bool[[1]] b) {  //~ SC5008@22
    return a;
}

template <domain D : k3>
D uint32[[2]] operator * (D uint32[[2]] a, D uint32[[2]] b) { //~ SC5009@24
    return a;
}

template <domain D : k3>
D string[[1]] cast (D uint32[[1]] a) {  //~ SC5010@15
    D string[[1]] r;
    return r;
}

pd uint32[[1]] operator - (pd uint32[[1]] a) {
    uint32[[1]] p = declassify(a);
    return p;
}

void main() {
    pd uint32 x = 1;
    pd uint32 y = -x;
}

template <domain D : k3>
D uint32[[1]] operator == (D uint32[[1]] a, D uint32[[1]] b) { //~ SC5009@24
    return a;
}

template <domain D : k3, domain E : k3>
E uint32[[1]] cast (D bool[[1]] a) { //~ SC5010@15
    E uint32[[1]] r;
    return r;
}

uint32 cast (bool a) {             //~ SC5010@8
    return 1;
}

template <domain D : k3>
uint32[[1]] operator / (D uint32[[1]] a, D uint32[[1]] b) { //~ SC5009@22
    return declassify(a);
}
