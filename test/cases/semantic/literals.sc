// Literal typing by context and range checks (§1, language.md §2).
uint8 f(uint8 x) { return x; }

void main() {
    uint8 a = 255;
    uint8 b = 256;                 //~ SC6001@15
    int8 c = -128;
    int8 d = -129;                 //~ SC6001@14
    uint8 e = -1;                  //~ SC6001@15
    uint8 g = 256u8;               //~ SC1006@15
    int8 h = -128i8;               //~ SC1006@15
    int64 i = 9223372036854775807;
    int64 j = 9223372036854775808; //~ SC6001@15
    uint64 k = 18446744073709551615;
    uint64 l = 18446744073709551616; //~ SC1007@16
    float32 m = 1;
    float64 n = 2.5;
    int32 o = 1.5;                 //~ SC6002@15
    uint16 p = 7;
    uint16 q = p + 65535;
    uint16 r = p + 65536;          //~ SC6001@20
    uint8 s = f(1);                //~ SC5001@15
    uint8 t = f(1u8);
    uint8 u = f(1 :: uint8);
    uint32 w = 5;
    bool cmp = w < 4294967295;
    bool cmp2 = w < 4294967296;    //~ SC6001@21
    int64 x = 1;
    uint32 y = x;                  //~ SC3001@16
}
