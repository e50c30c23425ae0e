// __syscall: constant names (after interpolation of types and domains), argument modes (§5).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

template <domain D : k3, type T>
D T[[1]] negate(D T[[1]] a) {
    D T[[1]] r(size(a));
    __syscall("k3::neg_$T\_vec", __domainid(D), a, r);
    return r;
}

void main() {
    pd uint32[[1]] a(3);
    pd uint32[[1]] b = negate(a);
    uint64 n = 0;
    string name = "x";
    __syscall("Process_argument", __cref name, __return n);
    __syscall("Process_$name", __cref name);             //~ SC3026@25
    __syscall("Process_logString", "text");              //~ SC3027@36
    __syscall("f", __return n, __return n);              //~ SC3028@32
    pd uint32 s = 1;
    __syscall("f", __ref s);                             //~ SC4005@26
    __syscall("f", __cref s);                            //~ SC4005@27
    __syscall("f", __return s);                          //~ SC4005@29
    __syscall("f", __ref 5);                             //~ SC3029@26
    uint8[[1]] buf(4);
    __syscall("f", __ref buf, __cref buf, __readonly a, s, __domainid(pd));
    __syscall("f", __domainid(nowhere));                 //~ SC2004@31
    __syscall("f", __return buf);                        //~ SC3044@29
}
