// The formula of an expression covariate (study-contract.md): + - * / with the usual precedence, applied left to
// right as written, unary minus, parentheses, plain decimal constants, covariate names and function calls.
grammar Formula;

formula : expr EOF ;

expr
    : '-' expr                                   # negate
    | expr op = ('*' | '/') expr                 # multiply
    | expr op = ('+' | '-') expr                 # add
    | NAME '(' expr (',' expr)* ')'              # call
    | NAME                                       # operand
    | NUMBER                                     # constant
    | '(' expr ')'                               # group
    ;

NAME : [A-Za-z_] [A-Za-z0-9_]* ;
NUMBER : [0-9]+ ('.' [0-9]*)? | '.' [0-9]+ ;
WS : [ \t\r\n]+ -> skip ;
