// Built-in operators on public values (§3.2, language.md §2: signed bitwise works).
void main() {
    int64 a = 12;
    int64 b = a & 10;
    int64 c = a | b ^ 3;
    uint32 u = 6;
    uint32 s = u << 2;
    int64 t = a << 2;              //~ SC3033@15
    uint32 v = ~u;
    int64 w = ~a;                  //~ SC3003@15
    bool x = !true;
    bool y = !a;                   //~ SC3003@14
    string st = "a" + "b";
    bool lt = "a" < "b";
    string bad = "a" - "b";        //~ SC3003@18
    float64 f = 7.5 % 2.0;
    float32 g = 1.5 & 1.0;         //~ SC3003@17
    int64 h = a + u;               //~ SC3003@15
    bool z = true && a;            //~ SC3003@14
    uint32[[1]] vec(3);
    uint32[[1]] sum = vec + 1;
    uint32[[1]] sum2 = 1 + vec;
    uint32[[2]] mat(2, 2);
    uint32[[2]] bad2 = mat + vec;  //~ SC3004@24
    bool eq = true == false;
    int8 neg = -a;                 //~ SC3001@16
}
