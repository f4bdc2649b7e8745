package io.sio4j.protocol.event;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The declared parameter types of a listener, read once per listener class: from the lambda's
 * {@link SerializedLambda} (the implementation method's generic signature, e.g. {@code
 * List<Order>}, narrowed by the instantiated erased types), or from a {@code call} method a class
 * declares. When none of these can be read it falls back to {@code Object} (natural values) and
 * logs one WARN per listener class naming the fix, so the failure is never silent. Immutable.
 *
 * @param types the parameter types, one per listener parameter
 * @param lastIsAck whether the last parameter receives the {@link Ack}
 */
record ListenerSignature(Type[] types, boolean lastIsAck) {
  private static final Logger LOG = LoggerFactory.getLogger("io.sio4j.protocol.event");

  /**
   * Names of the listener classes already warned about: one WARN per class, however many
   * registries. (Not a ClassValue, which Android does not have.)
   */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /** The signature given explicitly ({@code on("order", Order.class, ...)}), read nothing. */
  static ListenerSignature explicit(Type[] types, boolean lastIsAck) {
    return new ListenerSignature(types.clone(), lastIsAck);
  }

  /** The number of parameters bound from event arguments. */
  int valueCount() {
    return lastIsAck ? types.length - 1 : types.length;
  }

  /** Reads the signature of {@code listener}, which has {@code arity} parameters. */
  static ListenerSignature of(Object listener, int arity) {
    Type[] types = null;
    if (arity > 0) {
      types = fromSerializedLambda(listener, arity);
      // a lambda or proxy class declares an erased call(Object...): it says nothing
      if (types == null && !generated(listener.getClass())) {
        types = fromDeclaredCallMethod(listener.getClass(), arity);
      }
      if (types == null) warnUnreadable(listener.getClass());
    }
    if (types == null) {
      types = new Type[arity];
      Arrays.fill(types, Object.class);
    }
    boolean ack = arity > 0 && raw(types[arity - 1]) == Ack.class;
    return new ListenerSignature(types, ack);
  }

  private static boolean generated(Class<?> c) {
    return c.isSynthetic() || Proxy.isProxyClass(c) || hidden(c);
  }

  @JvmOnly // Android has no hidden classes (D8's lambda classes are synthetic)
  private static boolean hidden(Class<?> c) {
    try {
      return c.isHidden();
    } catch (LinkageError e) {
      return false;
    }
  }

  private static void warnUnreadable(Class<?> c) {
    if (!WARNED.add(c.getName())) return;
    String name = c.getName();
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    LOG.warn(
        "cannot read the parameter types of listener {}: its arguments arrive as natural values"
            + " (Map, List, String, ...), which may fail inside the listener. Fix: use the explicit"
            + " form, e.g. on(event, Order.class, order -> ...) or on(event, new TypeReference<"
            + "List<Order>>() { }, ...); or pass a lambda or method reference written against a"
            + " sio4j Listener type (they are Serializable) and, in a named module, open its"
            + " package: 'opens {} to io.sio4j.protocol;'",
        c.getName(),
        pkg.isEmpty() ? "<package>" : pkg);
  }

  @JvmOnly // Android (D8) lambdas carry no SerializedLambda: null there, and the caller falls back
  private static Type[] fromSerializedLambda(Object listener, int arity) {
    SerializedLambda lambda = serializedLambda(listener);
    if (lambda == null) return null;
    try {
      ClassLoader loader = listener.getClass().getClassLoader();
      Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      Class<?>[] instantiated =
          MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader)
              .parameterArray();
      if (instantiated.length != arity) return null;
      Executable impl = findImpl(implClass, lambda, loader);
      if (impl == null) return instantiated;
      Type[] declared = impl.getGenericParameterTypes();
      if (declared.length != impl.getParameterCount()) declared = impl.getParameterTypes();
      int kind = lambda.getImplMethodKind();
      boolean instanceMethod =
          kind == MethodHandleInfo.REF_invokeVirtual
              || kind == MethodHandleInfo.REF_invokeInterface
              || kind == MethodHandleInfo.REF_invokeSpecial;
      // An unbound method reference (String::trim) takes its receiver as the first argument.
      if (instanceMethod && lambda.getCapturedArgCount() == 0) {
        Type[] withReceiver = new Type[declared.length + 1];
        withReceiver[0] = implClass;
        System.arraycopy(declared, 0, withReceiver, 1, declared.length);
        declared = withReceiver;
      }
      if (declared.length < arity) return instantiated;
      // Captured variables come first in a lambda's implementation method.
      Type[] types = Arrays.copyOfRange(declared, declared.length - arity, declared.length);
      for (int i = 0; i < arity; i++) types[i] = narrow(types[i], instantiated[i]);
      return types;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** A serializable lambda's own description of itself; null for ordinary classes. */
  @JvmOnly
  private static SerializedLambda serializedLambda(Object listener) {
    try {
      Method writeReplace = listener.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(listener) instanceof SerializedLambda l ? l : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  @JvmOnly
  private static Executable findImpl(
      Class<?> implClass, SerializedLambda lambda, ClassLoader loader) {
    String descriptor = lambda.getImplMethodSignature();
    if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
      for (Constructor<?> k : implClass.getDeclaredConstructors()) {
        if (descriptor(k.getParameterTypes(), void.class).equals(descriptor)) return k;
      }
      return null;
    }
    for (Method m : implClass.getDeclaredMethods()) {
      if (m.getName().equals(lambda.getImplMethodName())
          && descriptor(m.getParameterTypes(), m.getReturnType()).equals(descriptor)) {
        return m;
      }
    }
    return null;
  }

  @JvmOnly
  private static String descriptor(Class<?>[] params, Class<?> returns) {
    return MethodType.methodType(returns, params).toMethodDescriptorString();
  }

  /**
   * The generic declared type, unless the call site instantiated something narrower (a generic
   * method {@code <T> void on(T t)}, or {@code Object} declared but {@code String} inferred): the
   * lambda casts to the instantiated type, so binding to anything wider would fail there.
   */
  private static Type narrow(Type declared, Class<?> instantiated) {
    Class<?> raw = raw(declared);
    if (raw == null) return instantiated;
    if (raw.isPrimitive()) return declared;
    if (raw != instantiated && raw.isAssignableFrom(instantiated)) return instantiated;
    return declared;
  }

  private static Type[] fromDeclaredCallMethod(Class<?> c, int arity) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Method m : k.getDeclaredMethods()) {
        if (m.getName().equals("call")
            && m.getParameterCount() == arity
            && !m.isBridge()
            && !m.isSynthetic()
            && !Modifier.isStatic(m.getModifiers())) {
          return m.getGenericParameterTypes();
        }
      }
    }
    return null;
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) return c;
    if (t instanceof ParameterizedType p) return raw(p.getRawType());
    if (t instanceof GenericArrayType g) {
      Class<?> component = raw(g.getGenericComponentType());
      // Array.newInstance rather than Class.arrayType(), which is Android API 33
      return component == null ? null : Array.newInstance(component, 0).getClass();
    }
    return null; // type variables and wildcards say nothing useful at run time
  }
}
