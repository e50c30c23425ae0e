// Overload resolution: exact non-templates first, then the most specific template;
// return-type overloading with the context; literal arguments get no context (§3.6).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

uint32 f(uint32 x) { return 1; }
uint32 f(int64 x) { return 2; }
template <type T>
uint32 f(T x) { return 3; }

template <domain D, type T>
uint32 g(D T x) { return 1; }
template <domain D : k3, type T>
uint32 g(D T x) { return 2; }

uint8 only8(uint8 x) { return x; }

string make(string s) { return s; }
template <type T>
T make(string s) { T x; return x; }
template <domain D : k3, type T>
D T make(string s) { D T x; return x; }

template <type T>
uint32 amb(T x, uint32 y) { return 1; }
template <type T>
uint32 amb(uint32 x, T y) { return 2; }

template <domain D>
D uint32 ctx() { D uint32 x; return x; }

void main() {
    uint32 a = f(1u32);
    uint32 b = f(1);
    uint32 c = f(true);
    pd uint32 s = 1;
    uint32 d = g(s);
    uint32 e = g(true);
    uint8 h = only8(1);            //~ SC5001@15
    uint8 i = only8(1u8);
    string t = make("a");
    uint32 u = make("b");
    pd uint32 v = make("c");
    bool w = make("d") == "e";
    uint32 x = amb(1u32, 2u32);    //~ SC5003@16
    pd uint32 y = ctx();
    uint32 z = ctx();
    nosuch(1);                     //~ SC2002@5
}
