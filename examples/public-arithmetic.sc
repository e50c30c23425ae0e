// Public arithmetic: wrapping integers on every width, C-style division,
// IEEE remainder for floats, casts, and the print formats of the reference VM.
import stdlib;

void main() {
    uint8 a = 200;
    uint8 b = 100;
    print("uint8 200 + 100 = ", a + b);
    int32 big = 2147483647;
    print("int32 max + 1 = ", big + 1);
    int64 x = -7;
    print("-7 / 2 = ", x / 2, ", -7 % 2 = ", x % 2);
    uint64 u = 18446744073709551615;
    print("uint64 max + 2 = ", u + 2);
    int16 m = -32768;
    print("-(int16 min) = ", -m);
    float64 f = 7.5;
    print("7.5 % 2.0 = ", f % 2.0);
    print("1/3 = ", 1.0 / 3.0);
    float32 g = 0.1;
    print("float32 0.1 = ", g);
    print("(int8)(uint8)255 = ", (int8) ((uint8) 255));
    print("(bool) 5 = ", (bool) 5, ", (uint32) true = ", (uint32) true);
    uint32 bits = 0xF0;
    print("0xF0 >> 4 = ", bits >> 4, ", 0xF0 & 0x3C = ", bits & 0x3C);
    publish("sum8", a + b);
    publish("quotient", x / 2);
}
