// `main` takes no parameters and returns nothing.
uint32 main() {                    //~ SC2013@8
    return 0;
}
