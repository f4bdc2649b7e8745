package quickstart;

// README, "Spring Boot": the block is a whole source file (imports and a public class), so this
// template holds only the package, and takes the class's name.
// @README@
