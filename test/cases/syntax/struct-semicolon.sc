// A struct declaration ends with '}': a trailing ';' is an error (with a hint).
struct point {
    int32 x;
    int32 y;
};  //~ SC1105@2

template <domain D, type T>
struct pair { D T fst; D T snd; }

void main() {
    pair<public, uint32> p;
    p.fst = 1;
}
