// Unknown names and redefinitions (§2).
kind k3 {
    type bool;
    type bool;                     //~ SC2019@10
}
kind k3 { type bool; }             //~ SC2008@6
domain pd k3;
domain pd k3;                      //~ SC2008@8
domain bad nokind;                 //~ SC2005@12

struct s { uint32 a; }
struct s { uint32 b; }             //~ SC2008@8
struct t {
    uint32 a;
    uint32 a;                      //~ SC2016@12
}

uint32 dup(uint32 x) { return x; }
uint32 dup(uint32 x) { return x; } //~ SC5011@8

template <domain D : nokind>       //~ SC2005@22
void f(D uint32 x) { }

@mystery                           //~ SC1108@1
void g() { }

void main() {
    uint32 x = y;                  //~ SC2001@16
    nowhere u;                     //~ SC2003@5
    nodomain uint32 w;             //~ SC2004@5
    uint32 z = dup;                //~ SC2020@16
    uint32 q = pd;                 //~ SC2020@16
    t tt;
}
