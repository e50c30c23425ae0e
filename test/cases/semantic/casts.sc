// Casts: public numeric/bool conversions are built in; private ones need cast definitions (§3.2, §3.6).
kind k3 {
    type bool;
    type uint32;
    type uint8;
    type xor_uint32 { public = uint32 };
}
domain pd k3;

template <domain D : k3>
D uint8[[1]] cast (D uint32[[1]] x) {
    uint32[[1]] y = declassify(x);
    uint8[[1]] r = (uint8) y;
    return r;
}

void main() {
    int8 a = (int8) 255u8;
    bool b = (bool) 3;
    float64 c = (float64) a;
    uint32 d = (uint32) true;
    string e = (string) 3;         //~ SC3022@16
    pd uint32 p = 300;
    pd uint8 q = (uint8) p;
    pd uint32[[2]] pm(2, 2);
    pd uint8[[2]] qm = (uint8) pm;
    pd bool r = (bool) p;          //~ SC4013@17
    pd xor_uint32 x = (xor_uint32) p; //~ SC4013@23
    pd uint32 same = (uint32) p;
    uint8 pub = (uint8) declassify(p);
}
