// Invalid and out-of-range literals (secrec-reference.md §1).
void main() {
    uint8 a = 256u8;          //~ SC1006@15
    int8 b = -128i8;          //~ SC1006@15
    int8 c = 127i8;
    uint64 d = 18446744073709551615u64;
    uint64 e = 18446744073709551616;   //~ SC1007@16
    uint f = 12u;             //~ SC1005@14
    uint g = 0x;              //~ SC1004@14
    uint h = 0b102;           //~ SC1004@14
    uint i = 0o19;            //~ SC1004@14
    uint j = 0x10i32 + 0b101u8 + 0o17i64;
    float32 k = 1.5q;         //~ SC1005@17
    float32 l = 3e39f32;      //~ SC1008@17
    float64 m = 1.5e-3 + 2e10 + 1. + 7f64;
    uint n = 007;             //~ SC1004@14
    int o = 65536i16;         //~ SC1006@13
}
