package org.hazardstream.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * The compiled formula of an expression covariate. Operands are earlier panel covariates, read by their index in a
 * row's covariate values; a missing value is NaN. The value is missing (NaN) when any operand is missing or any
 * intermediate or final value is not finite, so {@code log(0)} or a division by 0 gives a missing value, never an
 * infinity. Operations are applied in the order written: nothing is rearranged or folded.
 */
public final class Formula {

    /** A formula that cannot be compiled: what is wrong, with the character position where that is known. */
    public static final class FormulaException extends RuntimeException {
        FormulaException(String message) {
            super(message);
        }
    }

    private static final Map<String, DoubleUnaryOperator> UNARY =
            Map.of("log", Math::log, "log1p", Math::log1p, "exp", Math::exp, "sqrt", Math::sqrt, "abs", Math::abs);
    private static final Set<String> VARIADIC = Set.of("min", "max");

    private sealed interface Node {
        double value(double[] row);
    }

    private record Constant(double constant) implements Node {
        public double value(double[] row) {
            return constant;
        }
    }

    private record Operand(int index) implements Node {
        public double value(double[] row) {
            return row[index];
        }
    }

    private record Negate(Node operand) implements Node {
        public double value(double[] row) {
            return -operand.value(row);
        }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        public double value(double[] row) {
            double a = left.value(row);
            double b = right.value(row);
            double v = switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> a / b;
            };
            return finiteOrMissing(v);
        }
    }

    private record Unary(DoubleUnaryOperator function, Node argument) implements Node {
        public double value(double[] row) {
            return finiteOrMissing(function.applyAsDouble(argument.value(row)));
        }
    }

    private record Extremum(boolean max, List<Node> arguments) implements Node {
        public double value(double[] row) {
            double best = arguments.get(0).value(row);
            for (int i = 1; i < arguments.size(); i++) {
                double v = arguments.get(i).value(row);
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                best = max ? Math.max(best, v) : Math.min(best, v);
            }
            return best;
        }
    }

    private final String text;
    private final Node root;
    private final Set<String> operands;

    private Formula(String text, Node root, Set<String> operands) {
        this.text = text;
        this.root = root;
        this.operands = operands;
    }

    /**
     * Compiles a formula whose operands are the names of {@code columns} (name to index in a row's values).
     *
     * @throws FormulaException on a syntax error, an unknown operand or function, or a wrong number of arguments
     */
    public static Formula compile(String text, Map<String, Integer> columns) {
        FormulaLexer lexer = new FormulaLexer(CharStreams.fromString(text));
        FormulaParser parser = new FormulaParser(new CommonTokenStream(lexer));
        BaseErrorListener failFast = new BaseErrorListener() {
            @Override
            public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object offendingSymbol,
                    int line,
                    int charPositionInLine,
                    String msg,
                    RecognitionException e) {
                throw new FormulaException("syntax error at character " + (charPositionInLine + 1) + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(failFast);
        parser.removeErrorListeners();
        parser.addErrorListener(failFast);
        Set<String> operands = new TreeSet<>();
        Node root = new Compiler(columns, operands).visit(parser.formula().expr());
        return new Formula(text, root, Set.copyOf(operands));
    }

    /** The value on one row (NaN = missing). */
    public double value(double[] row) {
        return finiteOrMissing(root.value(row));
    }

    /** The covariate names the formula reads. */
    public Set<String> operands() {
        return operands;
    }

    @Override
    public String toString() {
        return text;
    }

    private static double finiteOrMissing(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static final class Compiler extends FormulaBaseVisitor<Node> {
        private final Map<String, Integer> columns;
        private final Set<String> operands;

        Compiler(Map<String, Integer> columns, Set<String> operands) {
            this.columns = columns;
            this.operands = operands;
        }

        @Override
        public Node visitNegate(FormulaParser.NegateContext ctx) {
            return new Negate(visit(ctx.expr()));
        }

        @Override
        public Node visitMultiply(FormulaParser.MultiplyContext ctx) {
            return new Binary(ctx.op.getText().charAt(0), visit(ctx.expr(0)), visit(ctx.expr(1)));
        }

        @Override
        public Node visitAdd(FormulaParser.AddContext ctx) {
            return new Binary(ctx.op.getText().charAt(0), visit(ctx.expr(0)), visit(ctx.expr(1)));
        }

        @Override
        public Node visitCall(FormulaParser.CallContext ctx) {
            String name = ctx.NAME().getText();
            List<Node> arguments = new ArrayList<>();
            ctx.expr().forEach(e -> arguments.add(visit(e)));
            int position = ctx.getStart().getCharPositionInLine() + 1;
            if (UNARY.containsKey(name)) {
                if (arguments.size() != 1) {
                    throw new FormulaException(
                            name + "() at character " + position + " takes one argument, not " + arguments.size());
                }
                return new Unary(UNARY.get(name), arguments.get(0));
            }
            if (VARIADIC.contains(name)) {
                if (arguments.size() < 2) {
                    throw new FormulaException(name + "() at character " + position + " takes two or more arguments");
                }
                return new Extremum(name.equals("max"), List.copyOf(arguments));
            }
            throw new FormulaException("unknown function " + name + "() at character " + position
                    + " (functions: log, log1p, exp, sqrt, abs, min, max)");
        }

        @Override
        public Node visitOperand(FormulaParser.OperandContext ctx) {
            String name = ctx.NAME().getText();
            Integer index = columns.get(name);
            if (index == null) {
                throw new FormulaException("'" + name + "' at character "
                        + (ctx.getStart().getCharPositionInLine() + 1) + " is not a covariate defined before this one");
            }
            operands.add(name);
            return new Operand(index);
        }

        @Override
        public Node visitConstant(FormulaParser.ConstantContext ctx) {
            return new Constant(Double.parseDouble(ctx.NUMBER().getText()));
        }

        @Override
        public Node visitGroup(FormulaParser.GroupContext ctx) {
            return visit(ctx.expr());
        }
    }
}
