package ai.openclaw.samples.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * user-service's data, in memory: users with salted PBKDF2 password hashes, and opaque tokens. Thread-safe. Tests use
 * it to set up provider states.
 *
 * <pre>{@code
 * users.store().put(new User("u-1", "ada@example.com", "Ada", "2026-11-22T10:00:00Z"), "correct horse");
 * }</pre>
 */
public final class UserStore {
    /** How long an access token is valid. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final int ITERATIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Account(User user, byte[] salt, byte[] hash) {}

    private record Token(String userId, Instant expires) {}

    /**
     * A pair of tokens.
     *
     * @param accessToken the bearer token for calls
     * @param refreshToken the token that gets a new pair, once
     * @param expiresIn seconds until the access token expires
     */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
        @Override
        public String toString() {
            return "Tokens[****]"; // never in a log line
        }
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    UserStore(Clock clock) {
        this.clock = clock;
    }

    /** A fresh id, {@code u-<n>}, never given before by this store. */
    public String nextId() {
        String id;
        do {
            id = "u-" + ids.incrementAndGet();
        } while (accounts.containsKey(id));
        return id;
    }

    /**
     * Adds or replaces a user.
     *
     * @return false when another user has the email
     */
    public synchronized boolean put(User user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (findByEmail(user.email()).filter(u -> !u.id().equals(user.id())).isPresent()) {
            return false;
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        accounts.put(user.id(), new Account(user, salt, hash(password, salt)));
        return true;
    }

    /**
     * Replaces a user's profile, keeping the password.
     *
     * @return false when the user does not exist or another user has the email
     */
    public synchronized boolean update(User user) {
        Account a = accounts.get(user.id());
        if (a == null
                || findByEmail(user.email())
                        .filter(u -> !u.id().equals(user.id()))
                        .isPresent()) {
            return false;
        }
        accounts.put(user.id(), new Account(user, a.salt, a.hash));
        return true;
    }

    /** The user with an id. */
    public Optional<User> find(String id) {
        return Optional.ofNullable(accounts.get(id)).map(Account::user);
    }

    /** The user with an email address (case-insensitive). */
    public Optional<User> findByEmail(String email) {
        return accounts.values().stream()
                .map(Account::user)
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst();
    }

    /** Removes a user and their tokens; the removed user, if there was one. */
    public synchronized Optional<User> remove(String id) {
        Account a = accounts.remove(id);
        accessTokens.values().removeIf(t -> t.userId().equals(id));
        refreshTokens.values().removeIf(id::equals);
        return Optional.ofNullable(a).map(Account::user);
    }

    /** Removes every user and token. */
    public synchronized void clear() {
        accounts.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** New tokens when the password is the user's; empty otherwise (the same answer for an unknown email). */
    public Optional<Tokens> login(String email, String password) {
        Optional<Account> account = findByEmail(email).map(u -> accounts.get(u.id()));
        byte[] salt = account.map(Account::salt).orElseGet(() -> new byte[16]);
        byte[] hash = hash(password, salt); // computed even for an unknown email, so timing does not tell
        if (account.isEmpty() || !MessageDigest.isEqual(hash, account.get().hash)) {
            return Optional.empty();
        }
        return Optional.of(issue(account.get().user.id()));
    }

    /** New tokens for a refresh token, which is used up; empty when it is unknown or already used. */
    public Optional<Tokens> refresh(String refreshToken) {
        String userId = refreshTokens.remove(refreshToken);
        if (userId == null || !accounts.containsKey(userId)) {
            return Optional.empty();
        }
        return Optional.of(issue(userId));
    }

    /** The user an unexpired access token belongs to. */
    public Optional<User> authenticate(String accessToken) {
        Token t = accessTokens.get(accessToken);
        if (t == null || !t.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return find(t.userId());
    }

    private Tokens issue(String userId) {
        String access = token();
        String refresh = token();
        accessTokens.put(access, new Token(userId, clock.instant().plus(ACCESS_TOKEN_LIFETIME)));
        refreshTokens.put(refresh, userId);
        return new Tokens(access, refresh, ACCESS_TOKEN_LIFETIME.toSeconds());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
