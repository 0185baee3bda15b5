fn main() -> std::process::ExitCode {
    career_explorer::cli::main()
}
