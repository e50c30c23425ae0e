// Statements are not allowed at the top level; imports come first.
domain pd_shared3p shared3p;
import stdlib;         //~ SC1109@1
x = 1;                 //~ SC1103@1
if (x) { print(x); }   //~ SC1103@1
@unknown               //~ SC1108@1
void f() {}
void void_var;         //~ SC1107@1
void main() {
    a < b < c;         //~ SC1106@11
    int y = ;          //~ SC1101@13
    ) ;                //~ SC1102@5
    print(y);
}
