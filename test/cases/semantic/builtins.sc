// Built-in expressions and their typing (§4).
kind k3 {
    type bool;
    type uint32;
    type uint64;
}
domain pd k3;

void main() {
    uint32[[2]] m(2, 3);
    uint64 n = size(m);
    uint64[[1]] sh = shape(m);
    uint32[[1]] flat = reshape(m, 6);
    uint32[[2]] filled = reshape(0, 2, 2);
    uint32[[1]] v(3);
    uint32[[1]] both = cat(v, v);
    uint32[[2]] rows = cat(m, m, 1);
    pd uint32[[1]] pv(3);
    pd uint32[[1]] mixed = cat(pv, v);
    uint32[[1]] bad = cat(v, v, 1);     //~ SC3024@33
    uint64 k = 0;
    uint32[[1]] badk = cat(v, v, k);    //~ SC3024@34
    uint32 s = 1;
    uint32[[1]] sc = cat(s, s);         //~ SC3023@22
    uint32[[1]] dm = cat(v, m);         //~ SC3004@22
    uint64 len = strlen("abc");
    uint8[[1]] bytes = __bytes_from_string("abc");
    string back = __string_from_bytes(bytes);
    string wrong = __string_from_bytes(v); //~ SC3001@40
    uint64 id = __domainid(pd);
    uint64 fpu = __fpu_state;
    __set_fpu_state(fpu);
    uint64 noid = __domainid(n);        //~ SC2004@30
    uint64 sz = size();                 //~ SC3025@17
    uint64 ln = strlen(s);              //~ SC3001@24
    pd uint64 sk = 0;
    uint32[[1]] badsk = cat(v, v, sk);  //~ SC4003@35
    string[[1]] names;                  //~ SC3012@5
    string joined = "a" + "b";
    bool less = "a" < "b";
}
