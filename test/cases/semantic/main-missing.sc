// A program without `void main()`.
uint32 helper() {                  //~ SC2011@1
    return 1;
}
