// More information-flow and dimension rules (§3.3, §3.4).
kind k3 {
    type bool;
    type uint32;
    type uint64;
}
domain pd k3;

uint32 takesPublic(uint32 x) { return x; }
pd uint32 takesPrivate(pd uint32 x) { return x; }

void main() {
    pd uint32 s = 1;
    uint32 p = 2;
    uint32 a = takesPublic(s);     //~ SC5001@16
    pd uint32 b = takesPrivate(p); //~ SC5001@19
    pd uint32 c = takesPrivate(s);
    uint32[[1]] v(3);
    uint32[[2]] m(2, 2);
    v = m;                         //~ SC3038@9
    v = 7;
    pd uint32[[1]] pv = v;
    pd uint32 t = true ? s : p;
    uint32 u = true ? s : p;       //~ SC4007@16
    pd bool flag = true;
    pd uint64 si = 1;
    uint32 idx = v[declassify(si)];
    uint32 bad = v[si];            //~ SC4002@20
    for (uint64 i = 0; i < size(v); ++i) {
        v[i] = p;
    }
}
