#!/usr/bin/env python3
"""Writes the conformance tables for dev.cairn.format from CPython itself.

Run from anywhere with CPython 3.11:  python3 gen_format_cases.py
Each table is JSON lines under src/test/resources/format/. Values are plain JSON, except
floats ({"$float": repr}), Decimals ({"$decimal": str}) and tuples ({"$tuple": [...]}), so the
Java side can rebuild the exact Python type. Outcomes are {"out": text} or
{"error": "TypeError", "message": text}.
"""
import decimal
import json
import logging
import math
import os
import string
import time

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'format')


def enc(v):
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        return {'$float': repr(v)}
    if isinstance(v, decimal.Decimal):
        return {'$decimal': str(v)}
    if isinstance(v, tuple):
        return {'$tuple': [enc(x) for x in v]}
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    raise TypeError(type(v))


def outcome(fn):
    try:
        return {'out': fn()}
    except Exception as e:  # the error is the expected result
        return {'error': type(e).__name__, 'message': str(e)}


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='ascii') as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=True) + '\n')
    print(f'{name}: {len(rows)} cases')


# --- values shared by several tables -------------------------------------------------------

INTS = [0, 1, -1, 7, 42, -42, 255, -255, 1000, 65535, 2**31 - 1, -2**31, 2**63 - 1, -2**63, 2**64,
        -2**70, 10**30, 1234567]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1/3, 2/3, 123.456, -123.456,
          1e16, 1e15, 9999999999999998.0, 1e-5, 1e-4, 0.0001234, 123456789.0, 1e22, 1e23, 2e23,
          5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.3, 100.0, 1e100, 1.005, 2.675,
          0.045, 1.45, 9.995, 999999.5, 0.000123456789, 12345.6789, 3.14159265358979, 1e300,
          math.inf, -math.inf, math.nan, 4.35, 0.15, 1234.5, 5e-7, 99.99999, 7.0e-10, 2**53 + 0.0,
          float(2**60), 1.1, 2.2, 3.3000000000000003, 0.30000000000000004, 8.41e21, 5.0e-5]
STRINGS = ['', 'a', 'abc', 'hello world', "it's", 'say "hi"', 'both \' and "', 'tab\there',
           'new\nline', 'back\\slash', 'cr\r', '\x00\x01\x7f', 'caf\u00e9', '\u00a0nbsp', '\u200bzw',
           '\u2028ls', '\U0001F600 emoji', '\ud800 lone', '\u4e2d\u6587', '\x85next', '\xad soft']


def pyobjects_rows():
    values = INTS + FLOATS + STRINGS + [None, True, False, decimal.Decimal('2.50'),
              decimal.Decimal('1E+3'), decimal.Decimal('0.0000001'),
              [], [1, 'x', None, 2.5], [[1, [2]], {'k': 'v'}], {}, {'a': 1, 'b': [1, 2]},
              {'it\'s': 'é', 'n': None}, ['\U0001F600', 'caf\u00e9']]
    return [[enc(v), str(v), repr(v), ascii(v)] for v in values]


# --- printf-style ---------------------------------------------------------------------------

def percent_rows():
    rows = []

    def add(template, args):
        rows.append([template, enc(args), outcome(lambda: template % args)])

    flags = ['', '-', '+', ' ', '#', '0', '-0', '+0', ' 0', '#0', '+#', '- ']
    widths = ['', '1', '8', '12']
    precisions = ['', '.0', '.1', '.3', '.10']
    for conv in 'diuxXo':
        for v in [0, 5, -5, 255, -255, 2**64, -2**63, True, 3.99, -3.99]:
            for fl in flags:
                for w in ['', '8']:
                    for p in ['', '.3']:
                        add('%' + fl + w + p + conv, (v,))
    for conv in 'fFeEgG':
        for v in FLOATS + [0, 7, -12345, 2**70, True, decimal.Decimal('2.5')]:
            for p in precisions:
                add('%' + p + conv, (v,))
        for v in [1.5, -1.5, 0.0, -0.0, 1e-5, 123456.789, math.inf, -math.inf, math.nan]:
            for fl in flags:
                for w in widths:
                    add('%' + fl + w + '.2' + conv, (v,))
                    add('%' + fl + w + conv, (v,))
    for conv in 'sra':
        for v in STRINGS + [None, True, 42, -3.5, 1e16, [1, 'a'], {'k': 'v'}, decimal.Decimal('2.5')]:
            add('%' + conv, (v,))
        for v in ['abc', 'caf\u00e9', '\U0001F600ab', 7]:
            for fl in ['', '-', '0', '#', '+']:
                for w in widths:
                    for p in ['', '.0', '.2', '.5']:
                        add('%' + fl + w + p + conv, (v,))
    for v in [65, 0x1F600, 0xe9, 0, 0x10FFFF, 0x110000, -1, 'x', '\U0001F600', '', 'ab', 1.5, True, None, 2**70]:
        for spec in ['%c', '%5c', '%-5c|', '%05c', '%.3c']:
            add(spec, (v,))
    # arguments, stars, keys, errors
    for template, args in [
            ('', ()), ('plain', ()), ('%%', ()), ('100%%', ()), ('%s%%', (1,)), ('%%%s', (1,)),
            ('%s %s', (1, 2)), ('%s', ()), ('%s', (1, 2)), ('%s %s', (1,)), ('%%', (1,)),
            ('%5%', ()), ('%5%', (1,)), ('%-5%|', ('x',)), ('%.1%', (1,)), ('%', ()), ('%5', ()),
            ('%.', ()), ('abc%', (1,)), ('%y', (1,)), ('%y', ()), ('ab%5.2y', (1,)), ('%\n', (1,)),
            ('%\u00e9', (1,)), ('\U0001F600%\u00e9', (1,)), ('%\x1f', (1,)), ('%ld', (3,)),
            ('%hhd', (3,)), ('%Ld %lf', (3, 2.5)), ('%hd', (3,)), ('%*d', (5, 1)), ('%-*d|', (5, 1)),
            ('%*d|', (-5, 1)), ('%.*f', (2, 3.14159)), ('%.*f', (-3, 1.5)), ('%*.*f', (10, 3, 2.5)),
            ('%*d', (5.0, 1)), ('%*d', ('5', 1)), ('%.*d', ('a', 1)), ('%*d', (True, 1)),
            ('%*s', (2**70, 'a')), ('%.*s', (2**40, 'a')), ('%*y', (1,)), ('%*y', ('a',)), ('%*%', (3,)),
            ('%99999999999999999999d', (1,)), ('%.99999999999999999999d', (1,)),
            ('%d', ('a',)), ('%u', ('a',)), ('%i', (None,)), ('%x', (1.5,)), ('%X', ('a',)),
            ('%o', (1.0,)), ('%f', ('a',)), ('%E', (None,)), ('%d', ([1],)), ('%d', ({'a': 1},)),
            ('%d', (math.inf,)), ('%d', (math.nan,)), ('%d', (-math.inf,)), ('%x', (decimal.Decimal(1),)),
            ('%f', (2**1030,)), ('%d', (1e20,)), ('%d', (decimal.Decimal('-2.7'),)),
            ('%(a)s', (1,)), ('%s %(a)s', (1,)), ('%s', ([1, 2],)), ('%r', ([],)),
            ('%s and %r', ('x', 'y')), ('%-10s|%10s|', ('left', 'right')), ('%s', ('\U0001F600',))]:
        add(template, args)
    for template, mapping in [
            ('%(a)s', {'a': 1}), ('%(a)s %s', {'a': 1}), ('%s %(a)s', {'a': 1}), ('%(a)s %(b)s', {'a': 1}),
            ('%s %s', {'a': 1}), ('%d', {}), ('abc', {'a': 1}), ('%(a)5%', {}), ('%(a)5%', {'a': 1}),
            ('%(a', {}), ('%(a)', {'a': 1}), ('%(a)*d', {'a': 1}), ('%(a)s %(a)s', {'a': 1}),
            ('%(a(b)c)s', {'a(b)c': 5}), ('%(a)s%', {'a': 1}), ('%%', {'a': 1}), ('%(a)%', {'a': 1}),
            ('%s %%', {'a': 1}), ('%(a)s %5%', {'a': 1}), ('%(a)y', {'a': 1}), ('%(a)y', {}),
            ('x%(b)s%(a', {'b': 1}), ('%(a)s %(', {'a': 1}), ('%(user)s', {}), ('%()s', {'': 'empty'}),
            ('%(a)-8s|%(b)08.3f|%(c)+d', {'a': 'x', 'b': -3.14159, 'c': 5}), ('%(a)r', {'a': "it's"}),
            ('%s', {}), ('%(a)s', {'a': None}), ('%(a)d', {'a': 'x'}), ('%(a) d', {'a': 3}),
            ('%(name)s:%(levelname)s:%(message)s', {'name': 'root', 'levelname': 'INFO', 'message': 'hi'}),
            ('%(a)s', {'a': {'b': [1, 'c']}})]:
        add(template, mapping)
    return rows


# --- format-spec mini-language ------------------------------------------------------------

def format_spec_list():
    specs = ['', 's', 'd', 'n', 'c', 'b', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'r', 'y',
             '.0', '.1', '.3', '.10', '.17', '.0f', '.2f', '.1e', '.3g', '.0%', '.1%', '.12g', '.0e', '.0g']
    for layout in ['5', '<5', '>5', '^5', '=5', '*^9', '0>6', '010', '-010', '+010', ' 010', '+', '-',
                   ' ', '#', '#x', '#o', '#b', '#X', '#010x', '_', ',', '_x', '_b', '_o', ',x', '012,',
                   '0=12,', 'x<012,', '=^10', '\u00e9^7', '\U0001F600>4', '+#08_b', '^+12,.2f', '12,.2f',
                   '_.3f', 'z', 'z.1f', 'z.0f', 'z.1e', 'z%', 'z.2', 'z.2d', '#.0', '#.0f', '#.0e', '#g',
                   '#.3', '+.3e', '<+10.2%', ',g', ',n', '_n', ',c', ',,', '_,', ',_', '.', 'xx', '5.2s',
                   '.2s', '<<8', '==5', '\x01', '\u00e9', '+c', '#c', '5c', '<3c', '0', '00', '000', '99999999999999999999',
                   '.99999999999999999999', '>', '<', '^', '=', '0=', '030', '20.15g', '.30f', '.60e']:
        specs.append(layout)
    return specs


def formatspec_rows():
    values = [0, 1, -1, 5, -5, 42, 255, -255, 65, 1234, -1234567, 123456789, 2**64, -2**70, 10**400,
              True, False, 0.0, -0.0, 0.5, 1.5, -1.5, 2.5, 0.045, 1.005, 0.125, 123.456, -1234567.891,
              1e16, 1e-5, 1e-7, 1e22, 5e-324, 1e300, 0.1, 1/3, 999.9999, math.inf, -math.inf, math.nan,
              -0.04, 100.0, '', 'a', 'ab', 'abc', 'hello', 'caf\u00e9', '\U0001F600x', None, [1], {}]
    rows = []
    for spec in format_spec_list():
        for v in values:
            rows.append([spec, enc(v), outcome(lambda: format(v, spec))])
    return rows


# --- record templates (the three Formatter styles) ------------------------------------------

RECORD = {'name': 'app.db', 'levelname': 'INFO', 'levelno': 20, 'message': 'hello world',
          'msg': 'hello %s', 'asctime': '2023-11-14 22:13:20,042', 'created': 1700000000.0421,
          'msecs': 42.0, 'lineno': 42, 'funcName': 'main', 'pathname': '/app/db.py', 'filename': 'db.py',
          'module': 'db', 'process': 1234, 'threadName': 'MainThread', 'relativeCreated': 12.345678,
          'args': ['x', 2], 'exc_text': None, 'extra': {'k': 'v', 'n': [1, 2]}, 'width': 12, 'prec': 3,
          'fill': '*', 'neg': -7, 'ratio': 0.1234, 'big': 12345678901, 'uni': 'caf\u00e9 \u2615',
          'quote': "it's", 'flag': True, 'none': None, 'Upper': 'U', '_private': 'p', 'x1': 'X1'}


def template_rows(style_class, render, formats):
    rows = []
    for fmt in formats:
        def check():
            style_class(fmt).validate()
            return 'ok'
        rows.append([fmt, outcome(check), outcome(lambda: render(fmt))])
    return rows


def percent_template_formats():
    formats = ['%(message)s', '%(asctime)s %(levelname)-8s %(name)s: %(message)s', logging.BASIC_FORMAT,
               '%(levelname)s:%(name)s:%(message)s', '[%(lineno)d] %(funcName)s', 'plain text', '%%',
               '100%% %(message)s', '%(message)', '%(message)s %', '%(message', '%(missing)s',
               '%(message)s %(missing)s', '%(missing)s %y', '%(message)s %y', '%(message)y', '%(MESSAGE)S',
               '%(message)S', '%(lineno)x', '%(message)d', '%(lineno)*d', '%(lineno).*d', '%(message)s %s',
               '%s', '%d %(message)s', '%(message)s %d', '%*d', '%(lineno)5%', '%(lineno)%', '%(a-b)s',
               '%(lineno)ld', '%(lineno)hd', '%(message)r', '%(uni)a', '%(uni)r', '%(quote)r',
               '%(extra)s', '%(args)r', '%(none)s', '%(flag)s %(flag)d', '%(big),d', '%(ratio).2f',
               '%(ratio)10.3e|%(ratio)-10.1%|', '%(neg)+05d %(neg)x %(lineno)#o', '%(created)f',
               '%(created).3f', '%(msecs)03d', '%(relativeCreated)d', '%(message).5s|%(message)20s|',
               '%(message)-20s|', '%(lineno)c', '%(fill)c', '%(name)s%(name)s%(name)s', '%(m(e)ss)s',
               '%()s', '%(\u00e9)s', '%(message)s\n%(levelname)s', '%(message)s \U0001F600 %(lineno)d',
               '%(message)5.2%', '%(message)', '%(x1)s %(Upper)s %(_private)s']
    for conv in 'diouxXeEfFgGcrsa':
        for field in ['lineno', 'neg', 'ratio', 'created', 'message', 'flag', 'none']:
            formats.append('%(' + field + ')' + conv)
            formats.append('%(' + field + ')-+#012.4' + conv)
    return formats


def brace_template_formats():
    formats = ['{message}', '{asctime} {levelname:<8} {name}: {message}', '{levelname}:{name}:{message}',
               'plain', '{}', '{0}', '{{message}}', '{{}}', '{message} {', '{message} }', '}', '{',
               '{message', '{message!}', '{message!r', '{message!rx}', '{message!x}', '{message!r}',
               '{message!s}', '{message!a}', '{uni!a}', '{uni!r:>20}', '{message:>{width}}',
               '{message:{width}.{prec}}', '{message:{width}{width}}', '{message:{{width}}}',
               '{message:{width:{width}}}', '{ratio:{width}.{prec}f}', '{ratio:{fill}>12}', '{message:{missing}}',
               '{missing}', '{message} {missing}', '{missing} }', '{message.nope}', '{lineno[0]}',
               '{args[0]}', '{args[1]}', '{args[5]}', '{args[x]}', '{message[0]}', '{message[99]}',
               '{message[x]}', '{extra[k]}', '{extra[n][1]}', '{extra[zz]}', '{extra[1]}', '{message[}',
               '{lineno[0]x}', '{message..x}', '{message.}', '{args[0]]}', '{args[]}', '{ message}', '{a-b}',
               '{message}}}', '{message:}', '{message!s:}', '{!r}', '{lineno:x}', '{message:x}', '{lineno:<<8}',
               '{message:<<8}', '{message:,s}', '{lineno:,}', '{big:,}', '{big:_}', '{big:_x}', '{ratio:.2%}',
               '{ratio:e}', '{ratio:10.3g}|', '{neg:+05d}', '{neg:=+8}', '{lineno:#b}', '{lineno:^9}',
               '{lineno:*^9}', '{created:.3f}', '{created}', '{msecs:03.0f}', '{relativeCreated:,.2f}',
               '{flag}', '{flag:d}', '{flag:>5}', '{none}', '{none:>5}', '{extra}', '{extra:>5}', '{args}',
               '{message:.5}', '{message:20}|', '{message:^20}|', '{message:z}', '{ratio:z.1f}', '{lineno:c}',
               '{message:\n<20}', '{message:d\n}', '{message:{width}>10}', '{0[0]}', '{1}{}', '{}{1}',
               '{message:{}}', '{:{width}}', '{message!r:{missing}}', '{message!x:{missing}}',
               '{99999999999999999999}', '{args[99999999999999999999]}', '{message:99999999999999999999}',
               '{message:.}', '{x1} {Upper} {_private}', '{\u00e9}', '{message}\n{levelname}',
               '{lineno:{fill}^{width},}', '{message:{width}.{prec}s}', '{ratio:{width}.{prec}}',
               '{message:{fill}<{width}}']
    return formats


def dollar_template_formats():
    return ['$message', '${message}', '$asctime $levelname: $message', '${levelname}:${name}:${message}',
            'plain', '$', 'a$', '$$', '$$message', '${message', '${1}', '$1', 'x\n$', 'x\r\n y$',
            '\u2028$', '$message$', '$missing', '$message $missing', '$missing $', '$Upper $_private ${x1}',
            '${message}b', '$messageb', '$message\u00e9', '$\u00e9', '$ message', '${ message}',
            '$lineno $ratio $flag $none $extra $args', '$$ $message $$', '$message $', '$message\n$',
            '\x0b\x0c\x1c\x85$message$', '$uni', 'a\r$', '\r\n\r\n$']


def dollar_render(fmt):
    return string.Template(fmt).substitute(**RECORD)


# --- strftime (glibc, C locale) -------------------------------------------------------------

STRFTIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Singapore',
                  'Europe/Dublin', 'America/Sao_Paulo', 'Australia/Adelaide', 'Pacific/Chatham', 'Etc/GMT+5']
STRFTIME_TIMES = [0, 1700000000, 1690000000, 946684799, 946684800, 951782400, 1104537600, 1230681600,
                  1262217600, 1293753600, 1356912000, 1609372800, 1609459200, 1640995200, 1703980800,
                  1711846800, 1729990800, 1735603200, 1735689599, -315619200, -2208988800, 4102444800,
                  4118006400, 1700049600, 1700006400, 1699999999]


def strftime_patterns():
    """Every directive under every flag, width and modifier."""
    patterns = ['%c', '%x', '%X', '%D', '%F', '%T', '%R', '%r', '%h %e', '%n%t', '%%', '100%% at %H', 'plain',
                '', '%', 'abc%', '%Q', '%+', '%N', '%:z', '%5', '%_', '%E', '%O', '%-', '%3%%%', '%%5', '%E%',
                '%O%', '%^c', '%^r', '%^10c', '%10D', '%_10T', '%#c', '%^x', '%^q', '%#Q', '%5Q', '%E5d',
                '%5Ed', '%-+5Y', '%+Y', '\u00e9%H\U0001F600', '%030c', '%-30c']
    for c in 'aAbBhpPZCdegGHIjklmMSsuUVwWyYznt%cDFrRTxX':
        for prefix in ['', '_', '-', '0', '^', '#', '^#', '10', '_10', '-10', '010', '1', '0_5', '_05', '-3',
                       'E', 'O', '3O']:
            patterns.append('%' + prefix + c)
    return patterns


def strftime_everyday_patterns():
    """What log formats use, across every zone and time."""
    return ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S%z', '%d/%b/%Y:%H:%M:%S %z', '%a, %d %b %Y %H:%M:%S %Z',
            '%c', '%x %X', '%s', '%G-W%V-%u', '%g %U %W %w %j', '%C%y', '%I %p %l %k %P', '%Z %z %#Z %10z',
            '%_z %-z %010z']


def strftime_rows():
    rows = []
    matrix = strftime_patterns()
    everyday = strftime_everyday_patterns()
    for zone in STRFTIME_ZONES:
        os.environ['TZ'] = zone
        time.tzset()
        for ts in STRFTIME_TIMES:
            t = time.localtime(ts)
            full = zone in ('Europe/Berlin', 'Asia/Kolkata') and ts in (1700000000, 1690000000, -2208988800)
            for p in matrix if full else everyday:
                rows.append([p, zone, ts, time.strftime(p, t)])
    os.environ.pop('TZ')
    time.tzset()
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    write('pyobjects.jsonl', pyobjects_rows())
    write('percent.jsonl', percent_rows())
    write('formatspec.jsonl', formatspec_rows())
    with open(os.path.join(OUT, 'record.json'), 'w', encoding='ascii') as f:
        f.write(json.dumps(enc(RECORD), ensure_ascii=True) + '\n')
    write('percent_template.jsonl', template_rows(logging.PercentStyle, lambda f: f % RECORD,
                                                  percent_template_formats()))
    write('brace_template.jsonl', template_rows(logging.StrFormatStyle, lambda f: f.format(**RECORD),
                                                brace_template_formats()))
    write('strftime.jsonl', strftime_rows())
    write('dollar_template.jsonl', template_rows(logging.StringTemplateStyle, dollar_render,
                                                 dollar_template_formats()))


if __name__ == '__main__':
    main()
