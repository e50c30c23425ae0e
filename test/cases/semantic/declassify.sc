// Private -> public only through declassify; declassify only of private values (§3.4, §4).
kind k3 {
    type bool;
    type uint32;
    type xor_uint32 { public = uint32 };
    type opaque;
}
domain pd k3;
domain other k3;

void main() {
    pd uint32 s = 5;
    uint32 p = declassify(s);
    uint32 q = s;                  //~ SC4007@16
    uint32 r = declassify(p);      //~ SC4006@27
    pd xor_uint32 x = 7;
    uint32 y = declassify(x);
    pd xor_uint32[[1]] xs(3);
    uint32[[1]] ys = declassify(xs);
    other uint32 o = 1;
    o = s;                         //~ SC4008@9
    pd opaque w;
    pd opaque w2 = 1;              //~ SC4012@20
    p = s;                         //~ SC4007@9
    xor_uint32 bad;                //~ SC3013@5
    pd uint32[[1]] sv = {1, 2, 3};
    pd uint32[[1]] mixed = {s, 2, p};
}
