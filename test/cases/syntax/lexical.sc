// Lexical errors: invalid characters, unterminated strings and comments.
void main() {
    int x = 1 # 2;            //~ SC1001@15
    string s = "abc;          //~ SC1002@16
}
void after() {}
/* this comment never ends //~ SC1003@1
