fn main() {
    trimova::start();
}
