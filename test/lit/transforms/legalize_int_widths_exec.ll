; dpex-legalize-int-widths keeps the exact semantics of each odd-width
; operation: every function below computes in i5 (or i3/i7/i12), for all
; 32 x 32 operand pairs where the result is defined, and prints an FNV hash
; of its results per function; run by lli before and after the pass, the
; outputs must be the same.
; RUN: lli %s > %t.before
; RUN: dpex-opt -passes=dpex-legalize-int-widths %s -o %t.ll
; RUN: FileCheck --check-prefix=LEGAL %s < %t.ll
; RUN: lli %t.ll > %t.after
; RUN: diff %t.before %t.after
; RUN: FileCheck %s < %t.after
; LEGAL-NOT: {{[ (<[]i([2-7]|9|1[0-57-9]|2[0-9]|3[013-9]|[45][0-9]|6[0-35-9])[^0-9]}}
; One line per function, each hash from results that were computed.
; CHECK-COUNT-41: {{^[a-z_0-9]+ [0-9]+ [1-9][0-9]*$}}

declare i32 @printf(i8*, ...)
@fmt = private constant [10 x i8] c"%s %u %u\0A\00"

define internal i32 @add_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = add i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @add_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = add i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @sub_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = sub i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @sub_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = sub i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @mul_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = mul i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @mul_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = mul i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @and_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = and i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @and_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = and i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @or_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = or i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @or_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = or i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @xor_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = xor i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @xor_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = xor i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @shl_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = shl i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @shl_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = shl i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @lshr_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = lshr i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @lshr_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = lshr i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @ashr_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = ashr i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @ashr_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = ashr i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @udiv_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = udiv i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @udiv_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = udiv i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @sdiv_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = sdiv i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @sdiv_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = sdiv i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @urem_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = urem i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @urem_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = urem i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @srem_sext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = srem i5 %x, %y
  %e = sext i5 %r to i32
  ret i32 %e
}

define internal i32 @srem_zext(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %r = srem i5 %x, %y
  %e = zext i5 %r to i32
  ret i32 %e
}

define internal i32 @icmp_eq(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp eq i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_ne(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp ne i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_ult(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp ult i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_ule(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp ule i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_ugt(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp ugt i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_uge(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp uge i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_slt(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp slt i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_sle(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp sle i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_sgt(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp sgt i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @icmp_sge(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %c = icmp sge i5 %x, %y
  %s = select i1 %c, i5 %x, i5 %y
  %t = add i5 %s, 7
  %e = sext i5 %t to i32
  ret i32 %e
}

define internal i32 @mixed_widths(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  %y3 = trunc i32 %b to i3
  %ys = sext i3 %y3 to i5
  %yz = zext i3 %y3 to i5
  %m = mul i5 %x, %ys
  %n = ashr i5 %m, 1
  %o = sub i5 %n, %yz
  %w = sext i5 %o to i12
  %q = mul i12 %w, %w
  %t7 = trunc i12 %q to i7
  %e = zext i7 %t7 to i32
  ret i32 %e
}

define internal i32 @loop_switch(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i5
  %y = trunc i32 %b to i5
  br label %loop
loop:
  %i = phi i32 [ 0, %0 ], [ %i.next, %next ]
  %acc = phi i5 [ %x, %0 ], [ %acc.next, %next ]
  switch i5 %acc, label %other [
    i5 -1, label %minus1
    i5 3, label %three
  ]
minus1:
  br label %next
three:
  br label %next
other:
  br label %next
next:
  %d = phi i5 [ 5, %minus1 ], [ -9, %three ], [ %y, %other ]
  %acc.next = add i5 %acc, %d
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, 7
  br i1 %done, label %exit, label %loop
exit:
  %e = sext i5 %acc.next to i32
  ret i32 %e
}

; The any-of reduction of a vectorised loop: a vector of compares as i4.
define internal i32 @bitcast_any_of(i32 %a, i32 %b) noinline {
  %v0 = insertelement <4 x i32> poison, i32 %a, i32 0
  %v1 = insertelement <4 x i32> %v0, i32 %b, i32 1
  %s = add i32 %a, %b
  %v2 = insertelement <4 x i32> %v1, i32 %s, i32 2
  %d = sub i32 %a, %b
  %v = insertelement <4 x i32> %v2, i32 %d, i32 3
  %c = icmp sgt <4 x i32> %v, <i32 3, i32 -2, i32 7, i32 0>
  %m = bitcast <4 x i1> %c to i4
  %none = icmp eq i4 %m, 0
  %n = zext i1 %none to i32
  %mw = zext i4 %m to i32
  %sh = shl i32 %mw, 1
  %e = or i32 %sh, %n
  ret i32 %e
}

; Odd integers to vectors of booleans and back.
define internal i32 @bitcast_both_ways(i32 %a, i32 %b) noinline {
  %x = trunc i32 %a to i4
  %y = trunc i32 %b to i3
  %v = bitcast i4 %x to <4 x i1>
  %w = bitcast i3 %y to <3 x i1>
  %w4 = shufflevector <3 x i1> %w, <3 x i1> zeroinitializer, <4 x i32> <i32 2, i32 0, i32 3, i32 1>
  %z = xor <4 x i1> %v, %w4
  %r = bitcast <4 x i1> %z to i4
  %s = add i4 %r, %x
  %e = sext i4 %s to i32
  ret i32 %e
}

; Vectors of odd-width elements, as the loop vectoriser narrows them.
define internal i32 @vector_i3(i32 %a, i32 %b) noinline {
  %v0 = insertelement <4 x i32> poison, i32 %a, i32 0
  %v1 = insertelement <4 x i32> %v0, i32 %b, i32 1
  %s = add i32 %a, %b
  %v2 = insertelement <4 x i32> %v1, i32 %s, i32 2
  %d = sub i32 %a, %b
  %v = insertelement <4 x i32> %v2, i32 %d, i32 3
  %t = trunc <4 x i32> %v to <4 x i3>
  %u = add <4 x i3> %t, <i3 1, i3 2, i3 3, i3 -1>
  %r = ashr <4 x i3> %u, <i3 1, i3 0, i3 2, i3 1>
  %c = icmp slt <4 x i3> %r, <i3 1, i3 -1, i3 0, i3 2>
  %m = select <4 x i1> %c, <4 x i3> %r, <4 x i3> %t
  %sh = shufflevector <4 x i3> %m, <4 x i3> %u, <4 x i32> <i32 0, i32 5, i32 2, i32 7>
  %x = trunc i32 %b to i3
  %in = insertelement <4 x i3> %sh, i3 %x, i32 2
  %e0 = extractelement <4 x i3> %in, i32 0
  %e1 = extractelement <4 x i3> %in, i32 1
  %e2 = extractelement <4 x i3> %in, i32 2
  %e3 = extractelement <4 x i3> %in, i32 3
  %w0 = sext i3 %e0 to i32
  %w1 = zext i3 %e1 to i32
  %w2 = sext i3 %e2 to i32
  %w3 = zext i3 %e3 to i32
  %p1 = shl i32 %w1, 8
  %p2 = shl i32 %w2, 16
  %p3 = shl i32 %w3, 24
  %o1 = xor i32 %w0, %p1
  %o2 = xor i32 %o1, %p2
  %o3 = xor i32 %o2, %p3
  ret i32 %o3
}

; Calls F on every defined pair, FNV-1a over (a, b, result).
define internal void @check(i32 (i32, i32)* %f, i8* %name, i32 %skip) {
entry:
  br label %outer
outer:
  %a = phi i32 [ -16, %entry ], [ %a.next, %outer.next ]
  %h.outer = phi i32 [ 2166136261, %entry ], [ %h.inner.out, %outer.next ]
  %n.outer = phi i32 [ 0, %entry ], [ %n.inner.out, %outer.next ]
  br label %inner
inner:
  %b = phi i32 [ -16, %outer ], [ %b.next, %inner.next ]
  %h = phi i32 [ %h.outer, %outer ], [ %h.next, %inner.next ]
  %n = phi i32 [ %n.outer, %outer ], [ %n.next, %inner.next ]
  %zero = icmp eq i32 %b, 0
  %amin = icmp eq i32 %a, -16
  %bm1 = icmp eq i32 %b, -1
  %ovf = and i1 %amin, %bm1
  %divbad = or i1 %zero, %ovf
  %bu = and i32 %b, 31
  %shbad = icmp uge i32 %bu, 5
  %s1 = icmp eq i32 %skip, 1
  %s2 = icmp eq i32 %skip, 2
  %s3 = icmp eq i32 %skip, 3
  %k1 = and i1 %s1, %zero
  %k2 = and i1 %s2, %divbad
  %k3 = and i1 %s3, %shbad
  %k12 = or i1 %k1, %k2
  %bad = or i1 %k12, %k3
  br i1 %bad, label %inner.next, label %call
call:
  %r = call i32 %f(i32 %a, i32 %b)
  %key = shl i32 %a, 16
  %keyb = xor i32 %key, %b
  %h1 = xor i32 %h, %keyb
  %h2 = mul i32 %h1, 16777619
  %h3 = xor i32 %h2, %r
  %h4 = mul i32 %h3, 16777619
  %n1 = add i32 %n, 1
  br label %inner.next
inner.next:
  %h.next = phi i32 [ %h, %inner ], [ %h4, %call ]
  %n.next = phi i32 [ %n, %inner ], [ %n1, %call ]
  %b.next = add i32 %b, 1
  %b.done = icmp eq i32 %b.next, 16
  br i1 %b.done, label %outer.next, label %inner
outer.next:
  %h.inner.out = phi i32 [ %h.next, %inner.next ]
  %n.inner.out = phi i32 [ %n.next, %inner.next ]
  %a.next = add i32 %a, 1
  %a.done = icmp eq i32 %a.next, 16
  br i1 %a.done, label %done, label %outer
done:
  %fmt = getelementptr [10 x i8], [10 x i8]* @fmt, i32 0, i32 0
  call i32 (i8*, ...) @printf(i8* %fmt, i8* %name, i32 %h.inner.out, i32 %n.inner.out)
  ret void
}

@name.add_sext = private constant [9 x i8] c"add_sext\00"

@name.add_zext = private constant [9 x i8] c"add_zext\00"

@name.sub_sext = private constant [9 x i8] c"sub_sext\00"

@name.sub_zext = private constant [9 x i8] c"sub_zext\00"

@name.mul_sext = private constant [9 x i8] c"mul_sext\00"

@name.mul_zext = private constant [9 x i8] c"mul_zext\00"

@name.and_sext = private constant [9 x i8] c"and_sext\00"

@name.and_zext = private constant [9 x i8] c"and_zext\00"

@name.or_sext = private constant [8 x i8] c"or_sext\00"

@name.or_zext = private constant [8 x i8] c"or_zext\00"

@name.xor_sext = private constant [9 x i8] c"xor_sext\00"

@name.xor_zext = private constant [9 x i8] c"xor_zext\00"

@name.shl_sext = private constant [9 x i8] c"shl_sext\00"

@name.shl_zext = private constant [9 x i8] c"shl_zext\00"

@name.lshr_sext = private constant [10 x i8] c"lshr_sext\00"

@name.lshr_zext = private constant [10 x i8] c"lshr_zext\00"

@name.ashr_sext = private constant [10 x i8] c"ashr_sext\00"

@name.ashr_zext = private constant [10 x i8] c"ashr_zext\00"

@name.udiv_sext = private constant [10 x i8] c"udiv_sext\00"

@name.udiv_zext = private constant [10 x i8] c"udiv_zext\00"

@name.sdiv_sext = private constant [10 x i8] c"sdiv_sext\00"

@name.sdiv_zext = private constant [10 x i8] c"sdiv_zext\00"

@name.urem_sext = private constant [10 x i8] c"urem_sext\00"

@name.urem_zext = private constant [10 x i8] c"urem_zext\00"

@name.srem_sext = private constant [10 x i8] c"srem_sext\00"

@name.srem_zext = private constant [10 x i8] c"srem_zext\00"

@name.icmp_eq = private constant [8 x i8] c"icmp_eq\00"

@name.icmp_ne = private constant [8 x i8] c"icmp_ne\00"

@name.icmp_ult = private constant [9 x i8] c"icmp_ult\00"

@name.icmp_ule = private constant [9 x i8] c"icmp_ule\00"

@name.icmp_ugt = private constant [9 x i8] c"icmp_ugt\00"

@name.icmp_uge = private constant [9 x i8] c"icmp_uge\00"

@name.icmp_slt = private constant [9 x i8] c"icmp_slt\00"

@name.icmp_sle = private constant [9 x i8] c"icmp_sle\00"

@name.icmp_sgt = private constant [9 x i8] c"icmp_sgt\00"

@name.icmp_sge = private constant [9 x i8] c"icmp_sge\00"

@name.mixed_widths = private constant [13 x i8] c"mixed_widths\00"

@name.loop_switch = private constant [12 x i8] c"loop_switch\00"
@name.bitcast_any_of = private constant [15 x i8] c"bitcast_any_of\00"
@name.bitcast_both_ways = private constant [18 x i8] c"bitcast_both_ways\00"
@name.vector_i3 = private constant [10 x i8] c"vector_i3\00"

define i32 @main() {
  call void @check(i32 (i32, i32)* @add_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.add_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @add_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.add_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @sub_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.sub_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @sub_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.sub_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @mul_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.mul_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @mul_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.mul_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @and_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.and_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @and_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.and_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @or_sext, i8* getelementptr ([8 x i8], [8 x i8]* @name.or_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @or_zext, i8* getelementptr ([8 x i8], [8 x i8]* @name.or_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @xor_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.xor_sext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @xor_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.xor_zext, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @shl_sext, i8* getelementptr ([9 x i8], [9 x i8]* @name.shl_sext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @shl_zext, i8* getelementptr ([9 x i8], [9 x i8]* @name.shl_zext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @lshr_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.lshr_sext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @lshr_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.lshr_zext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @ashr_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.ashr_sext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @ashr_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.ashr_zext, i32 0, i32 0), i32 3)
  call void @check(i32 (i32, i32)* @udiv_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.udiv_sext, i32 0, i32 0), i32 1)
  call void @check(i32 (i32, i32)* @udiv_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.udiv_zext, i32 0, i32 0), i32 1)
  call void @check(i32 (i32, i32)* @sdiv_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.sdiv_sext, i32 0, i32 0), i32 2)
  call void @check(i32 (i32, i32)* @sdiv_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.sdiv_zext, i32 0, i32 0), i32 2)
  call void @check(i32 (i32, i32)* @urem_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.urem_sext, i32 0, i32 0), i32 1)
  call void @check(i32 (i32, i32)* @urem_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.urem_zext, i32 0, i32 0), i32 1)
  call void @check(i32 (i32, i32)* @srem_sext, i8* getelementptr ([10 x i8], [10 x i8]* @name.srem_sext, i32 0, i32 0), i32 2)
  call void @check(i32 (i32, i32)* @srem_zext, i8* getelementptr ([10 x i8], [10 x i8]* @name.srem_zext, i32 0, i32 0), i32 2)
  call void @check(i32 (i32, i32)* @icmp_eq, i8* getelementptr ([8 x i8], [8 x i8]* @name.icmp_eq, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_ne, i8* getelementptr ([8 x i8], [8 x i8]* @name.icmp_ne, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_ult, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_ult, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_ule, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_ule, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_ugt, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_ugt, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_uge, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_uge, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_slt, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_slt, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_sle, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_sle, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_sgt, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_sgt, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @icmp_sge, i8* getelementptr ([9 x i8], [9 x i8]* @name.icmp_sge, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @mixed_widths, i8* getelementptr ([13 x i8], [13 x i8]* @name.mixed_widths, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @loop_switch, i8* getelementptr ([12 x i8], [12 x i8]* @name.loop_switch, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @bitcast_any_of, i8* getelementptr ([15 x i8], [15 x i8]* @name.bitcast_any_of, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @bitcast_both_ways, i8* getelementptr ([18 x i8], [18 x i8]* @name.bitcast_both_ways, i32 0, i32 0), i32 0)
  call void @check(i32 (i32, i32)* @vector_i3, i8* getelementptr ([10 x i8], [10 x i8]* @name.vector_i3, i32 0, i32 0), i32 0)
  ret i32 0
}
