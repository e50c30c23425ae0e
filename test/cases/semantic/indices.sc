// Indexing: one public uint index or slice per dimension; extents and sizes are public (§2, §3.4).
kind k3 {
    type bool;
    type uint64;
    type uint32;
}
domain pd k3;

void main() {
    uint32[[2]] m(3, 4);
    uint32[[1]] v(5);
    uint64 i = 1;
    pd uint64 si = 1;
    uint32 a = m[0, 1];
    uint32[[1]] row = m[i, :];
    uint32[[2]] sub = m[1:, :2];
    uint32 b = v[1:][2];
    uint32 c = m[0][0];            //~ SC3005@16
    uint32 d = v[si];              //~ SC4002@18
    uint32[[1]] e = v[si:];        //~ SC4002@23
    int64 n = 2;
    uint32 f = v[n];               //~ SC3006@18
    uint32 g = a[0];               //~ SC3007@16
    pd uint32[[1]] h(si);          //~ SC4003@22
    uint32[[2]] k(3);              //~ SC3021@17
    uint32 l(3);                   //~ SC3040@12
    uint32[[1]] r = reshape(m, si); //~ SC4003@32
    uint32[[2]] r2 = reshape(v, 2, 3);
}
