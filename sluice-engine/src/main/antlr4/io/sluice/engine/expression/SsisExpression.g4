// The SSIS expression language. Alternatives of `expression` are listed from the highest
// precedence to the lowest, as in Microsoft's "Operator Precedence and Associativity" table.
grammar SsisExpression;

parse
    : expression EOF
    ;

expression
    : LPAREN expression RPAREN                                   # parenthesized
    | IDENT LPAREN typeSpec RPAREN                               # typedNull
    | IDENT LPAREN (expression (COMMA expression)*)? RPAREN      # functionCall
    | literal                                                    # literalValue
    | VARIABLE                                                   # variable
    | columnName (DOT columnName)?                               # column
    | op=(MINUS | BANG | TILDE) expression                       # unary
    | LPAREN typeSpec RPAREN expression                          # cast
    | expression op=(STAR | SLASH | PERCENT) expression          # binary
    | expression op=(PLUS | MINUS) expression                    # binary
    | expression op=(LT | GT | LE | GE) expression               # binary
    | expression op=(EQ | NE) expression                         # binary
    | expression op=AMP expression                               # binary
    | expression op=CARET expression                             # binary
    | expression op=PIPE expression                              # binary
    | expression op=AND expression                               # binary
    | expression op=OR expression                                # binary
    | <assoc=right> expression QUESTION expression COLON expression # conditional
    ;

typeSpec
    : DATA_TYPE (COMMA INTEGER)*
    ;

columnName
    : IDENT
    | BRACKETED
    ;

literal
    : INTEGER
    | HEX_INTEGER
    | DECIMAL
    | REAL
    | STRING
    | TRUE
    | FALSE
    ;

TRUE  : [Tt] [Rr] [Uu] [Ee] ;
FALSE : [Ff] [Aa] [Ll] [Ss] [Ee] ;

// Type names are keywords so that "(DT_I4) x" never reads as a parenthesized column.
DATA_TYPE : [Dd] [Tt] '_' [A-Za-z0-9]+ ;

REAL
    : DIGIT+ EXPONENT FLOAT_SUFFIX?
    | DIGIT* '.' DIGIT+ EXPONENT? FLOAT_SUFFIX
    | DIGIT* '.' DIGIT+ EXPONENT
    | DIGIT+ '.' DIGIT* EXPONENT FLOAT_SUFFIX?
    | DIGIT+ '.' DIGIT* FLOAT_SUFFIX
    ;
DECIMAL     : DIGIT* '.' DIGIT+ | DIGIT+ '.' DIGIT* ;
HEX_INTEGER : '0' [xX] [0-9a-fA-F]+ [uU]? ;
INTEGER     : DIGIT+ ([lL] [uU]? | [uU] [lL]?)? ;

STRING : '"' ( '\\' . | ~["\\] )* '"' ;

VARIABLE  : '@' ( '[' ~[\]]+ ']' | ID_START ID_PART* ) ;
BRACKETED : '[' ~[\]]+ ']' ;
IDENT     : ID_START ID_PART* ;

LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
DOT      : '.' ;
QUESTION : '?' ;
COLON    : ':' ;
AND      : '&&' ;
OR       : '||' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
BANG     : '!' ;
TILDE    : '~' ;
AMP      : '&' ;
CARET    : '^' ;
PIPE     : '|' ;

WS : [ \t\r\n]+ -> skip ;

// Anything else becomes a token the parser rejects, so errors point at the character.
UNEXPECTED : . ;

fragment DIGIT        : [0-9] ;
fragment EXPONENT     : [eE] [+-]? DIGIT+ ;
fragment FLOAT_SUFFIX : [fFlL] ;
fragment ID_START     : [\p{L}_] ;
fragment ID_PART      : [\p{L}\p{Nd}_@$#] ;
