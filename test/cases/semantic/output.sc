// print, tostring and string interpolation take public values only (§3.4, §4).
kind k3 {
    type bool;
    type uint32;
}
domain pd k3;

void main() {
    uint32 x = 3;
    pd uint32 s = 4;
    print("x = ", x, " ok ", true);
    print(s);                      //~ SC4004@11
    string t = tostring(x);
    string u = tostring(s);        //~ SC4004@25
    string w = "value $x";
    string y = "value $s";         //~ SC4004@24
    string z = "value $nothing";   //~ SC2021@24
    uint32[[1]] arr(2);
    print(arr);                    //~ SC3030@11
    string tt = tostring(t);       //~ SC3023@26
}
