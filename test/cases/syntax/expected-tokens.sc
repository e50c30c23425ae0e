// "expected X, found Y" in common places; each error is independent.
domain pd_shared3p shared3p
//~^ SC1100@28
import_here();                 //~ SC1103@1

void a() {
    if x > 0 { return; }       //~ SC1100@8
}

void b(int n) {
    for (uint i = 0; i < n; i++ { }    //~ SC1100@33
}

void c(int a, ) { }            //~ SC1104@15

void d() {
    s.;                        //~ SC1100@7
    __syscall(x);              //~ SC1100@15
    x = a[1, ];                //~ SC1101@14
    x = f(1 2);                //~ SC1100@13
    else x;                    //~ SC1102@5
    print("ok");
}

kind k { type ; }              //~ SC1100@15

void e() { } }                 //~ SC1103@14

template <domain D : shared3p, type T
//~^ SC1100@38
void h() { }

void main() {
    x = y :: ;                 //~ SC1112@14
    uint8[[1u8]] v;            //~ SC1113@12
}
