// Nesting beyond the parser's limits is reported once, with a position, and the
// rest of the file is still parsed.
void deep() {
    x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))));
//~^ SC1114@72
}

void fine() {
    y = ((((1))));
}
