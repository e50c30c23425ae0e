// Structs: templated, by value, public containers, no arrays of structs (§3.5).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

struct point {
    int64 x;
    int64 y;
}

template <domain D, type T>
struct pair {
    D T fst;
    D T snd;
}

template <dim N>
struct grid {
    uint32[[N]] cells;
}

template <type T>
struct nest {
    T x;
}

struct line {
    point from;
    point to;
    uint32[[1]] tags;
}

point mk(int64 x, int64 y) {
    point p;
    p.x = x;
    p.y = y;
    return p;
}

template <domain D, type T>
D T first(pair<D, T> p) {
    return p.fst;
}

void main() {
    point a = mk(1, 2);
    int64 ax = a.x;
    line l;
    l.from = a;
    l.to.y = 3;
    pair<pd, uint32> p;
    p.fst = 1;
    pd uint32 f = first(p);
    pair<public, bool> q;
    bool g = first(q);
    int64 bad = a.z;               //~ SC2015@19
    point[[1]] arr;                //~ SC3010@5
    pd point secret;               //~ SC3011@5
    pair<pd> few;                  //~ SC3035@5
    pair<pd, uint32, 2> many;      //~ SC3035@5
    uint32 n = 3;
    int64 nx = n.x;                //~ SC3008@16
    point<pd> notTemplate;         //~ SC3037@5
    uint32 wrong = p.fst;          //~ SC4007@20
    grid<2> gr;
    uint32[[2]] cells = gr.cells;
    uint32[[1]] flat = gr.cells;   //~ SC3038@24
    nest<nest<int64> > nn;
    int64 deep = nn.x.x;
}
