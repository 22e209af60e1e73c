package io.sluice.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.core.compiler.IProblem;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ICompilerRequestor;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblem;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

/**
 * Compiles one script's Java source in memory with Eclipse ECJ, at Java 17 language level, without
 * annotation processing. It reads the classes the script refers to as bytes from a {@link
 * ScriptClassPath} and never loads or runs anything: the result is class files and problems. Needs
 * no {@code jdk.compiler} (javax.tools), so it works on a JRE.
 */
final class ScriptCompiler {

  /** The language level a script may use; docs/script-task.md says the same. */
  static final String JAVA_LEVEL = "17";

  private ScriptCompiler() {}

  /**
   * One error of the compiler, placed in the script's own text (1-based).
   *
   * @param file null for the script's own file; else the generated file it is in
   * @param undefinedIn for "the method x() is undefined for the type T", T's simple name
   */
  record Error(int line, int column, String message, String file, String undefinedIn) {

    Error(int line, int column, String message) {
      this(line, column, message, null, null);
    }

    @Override
    public String toString() {
      return line + ":" + column + ": " + message;
    }
  }

  /**
   * What the compiler made: class files by binary name (empty when there are errors) and the
   * errors.
   */
  record Output(Map<String, byte[]> classes, List<Error> errors) {}

  /**
   * Compiles {@code source}, written as file {@code fileName} (e.g. {@code ScriptMain.java}: the
   * public class must have its name, as in javac).
   */
  static Output compile(String fileName, String source, ScriptClassPath classPath) {
    return compile(fileName, source, Map.of(), classPath);
  }

  /**
   * Compiles {@code source} together with {@code generated} sources (file name → text, e.g. a
   * Script Component's {@code UserComponent.java}); an error keeps the file it is in, so the
   * script's own errors stay at their place in the script.
   */
  static Output compile(
      String fileName, String source, Map<String, String> generated, ScriptClassPath classPath) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    List<Error> errors = new ArrayList<>();
    ICompilationUnit unit = new SourceUnit(fileName, source);
    List<ICompilationUnit> units = new ArrayList<>();
    units.add(unit);
    generated.forEach((name, text) -> units.add(new SourceUnit(name, text)));
    ICompilerRequestor requestor =
        (CompilationResult result) -> {
          String file = new String(result.getFileName());
          if (result.hasProblems()) {
            for (CategorizedProblem p : result.getProblems()) {
              if (p.isError()) {
                int column = p instanceof DefaultProblem d ? d.getSourceColumnNumber() : 0;
                String[] args = p.getArguments();
                String undefinedIn =
                    p.getID() == IProblem.UndefinedMethod && args != null && args.length > 0
                        ? args[0].substring(args[0].lastIndexOf('.') + 1)
                        : null;
                errors.add(
                    new Error(
                        p.getSourceLineNumber(),
                        column,
                        p.getMessage(),
                        file.equals(fileName) ? null : file,
                        undefinedIn));
              }
            }
          }
          for (ClassFile classFile : result.getClassFiles()) {
            classes.put(String.join(".", chars(classFile.getCompoundName())), classFile.getBytes());
          }
        };
    Compiler compiler =
        new Compiler(
            new Environment(classPath, unit),
            DefaultErrorHandlingPolicies.proceedWithAllProblems(),
            options(),
            requestor,
            new DefaultProblemFactory(Locale.ENGLISH));
    compiler.compile(units.toArray(ICompilationUnit[]::new));
    return new Output(errors.isEmpty() ? classes : Map.of(), List.copyOf(errors));
  }

  private static CompilerOptions options() {
    Map<String, String> settings = new HashMap<>();
    settings.put(CompilerOptions.OPTION_Source, JAVA_LEVEL);
    settings.put(CompilerOptions.OPTION_Compliance, JAVA_LEVEL);
    settings.put(CompilerOptions.OPTION_TargetPlatform, JAVA_LEVEL);
    settings.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
    settings.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.GENERATE);
    settings.put(CompilerOptions.OPTION_LocalVariableAttribute, CompilerOptions.GENERATE);
    settings.put(CompilerOptions.OPTION_Encoding, "UTF-8");
    // No annotation processor ever runs: it would be project code run where the script is only
    // checked (a master, the CLI).
    settings.put(CompilerOptions.OPTION_Process_Annotations, CompilerOptions.DISABLED);
    settings.put(CompilerOptions.OPTION_ReportDeprecation, CompilerOptions.IGNORE);
    settings.put(CompilerOptions.OPTION_ReportUnusedImport, CompilerOptions.IGNORE);
    return new CompilerOptions(settings);
  }

  private static String[] chars(char[][] parts) {
    String[] out = new String[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = new String(parts[i]);
    }
    return out;
  }

  private static final class SourceUnit implements ICompilationUnit {
    private final String fileName;
    private final char[] contents;
    private final char[] mainTypeName;

    SourceUnit(String fileName, String source) {
      this.fileName = fileName;
      this.contents = source.toCharArray();
      String simple = fileName.substring(fileName.lastIndexOf('/') + 1);
      this.mainTypeName =
          (simple.endsWith(".java") ? simple.substring(0, simple.length() - 5) : simple)
              .toCharArray();
    }

    @Override
    public char[] getContents() {
      return contents;
    }

    @Override
    public char[] getMainTypeName() {
      return mainTypeName;
    }

    @Override
    public char[][] getPackageName() {
      return null;
    }

    @Override
    public char[] getFileName() {
      return fileName.toCharArray();
    }

    @Override
    public boolean ignoreOptionalProblems() {
      return false;
    }
  }

  /** Finds types as class files of the class path; the script's own types come from its source. */
  private static final class Environment implements INameEnvironment {
    private final ScriptClassPath classPath;
    private final ICompilationUnit unit;
    private final String unitType;

    Environment(ScriptClassPath classPath, ICompilationUnit unit) {
      this.classPath = classPath;
      this.unit = unit;
      this.unitType = new String(unit.getMainTypeName());
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
      return find(String.join("/", chars(compoundTypeName)));
    }

    @Override
    public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
      String pkg = packageName == null ? "" : String.join("/", chars(packageName));
      return find(pkg.isEmpty() ? new String(typeName) : pkg + "/" + new String(typeName));
    }

    private NameEnvironmentAnswer find(String path) {
      if (path.equals(unitType)) {
        return new NameEnvironmentAnswer(unit, null);
      }
      byte[] bytes = classPath.classFile(path + ".class");
      if (bytes == null) {
        return null;
      }
      try {
        return new NameEnvironmentAnswer(
            new ClassFileReader(bytes, (path + ".class").toCharArray(), true), null);
      } catch (ClassFormatException e) {
        return null;
      }
    }

    @Override
    public boolean isPackage(char[][] parentPackageName, char[] packageName) {
      String parent = parentPackageName == null ? "" : String.join("/", chars(parentPackageName));
      String path =
          parent.isEmpty() ? new String(packageName) : parent + "/" + new String(packageName);
      if (path.equals(unitType)) {
        return false;
      }
      // A name is a package when no class has it: ECJ asks for every segment of a qualified name.
      return Character.isLowerCase(packageName[0]) && classPath.classFile(path + ".class") == null;
    }

    @Override
    public void cleanup() {}
  }
}
