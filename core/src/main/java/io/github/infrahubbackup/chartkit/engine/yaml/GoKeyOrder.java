package io.github.infrahubbackup.chartkit.engine.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which go-yaml v2 writes string map keys (keyList.Less in sorter.go): a "natural"
 * order where, at the first differing character,
 * <ul>
 *   <li>two letters compare by code point;</li>
 *   <li>a letter sorts after anything that is not a letter;</li>
 *   <li>otherwise the runs of digits starting there compare as numbers (a non-digit reads as an
 *       empty run, i.e. 0), then by run length, then by code point.</li>
 * </ul>
 * So {@code a2 < a10}, {@code _x < 1 < A < a}, and a prefix sorts first.
 *
 * <p>This relation is not transitive for every set of strings (e.g. "10" &lt; "1a" &lt; "2" &lt;
 * "10"); Go then produces an order that depends on its random map iteration. For the sets where it
 * is a total order the sorted result is unique, and any sort algorithm finds it.
 */
final class GoKeyOrder {

    private GoKeyOrder() {
    }

    static List<String> sorted(Iterable<String> keys) {
        List<String> list = new ArrayList<>();
        keys.forEach(list::add);
        mergeSort(list, 0, list.size(), new ArrayList<>(list));
        return list;
    }

    static boolean less(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] != br[i]) {
                return lessAtDifference(ar, br, i);
            }
        }
        return ar.length < br.length;
    }

    private static boolean lessAtDifference(int[] ar, int[] br, int i) {
        boolean aLetter = Character.isLetter(ar[i]);
        boolean bLetter = Character.isLetter(br[i]);
        if (aLetter && bLetter) {
            return ar[i] < br[i];
        }
        if (aLetter || bLetter) {
            return bLetter;
        }
        // When a '0' continues a number that already has a non-zero digit, go-yaml seeds both runs
        // with 1 so the zero is not read as a leading zero.
        long seed = zeroAfterNonZeroDigit(ar, br, i) ? 1 : 0;
        int aEnd = digitRunEnd(ar, i);
        int bEnd = digitRunEnd(br, i);
        long an = digitRunValue(ar, i, aEnd, seed);
        long bn = digitRunValue(br, i, bEnd, seed);
        if (an != bn) {
            return an < bn;
        }
        if (aEnd != bEnd) {
            return aEnd < bEnd;
        }
        return ar[i] < br[i];
    }

    private static boolean zeroAfterNonZeroDigit(int[] ar, int[] br, int i) {
        if (ar[i] != '0' && br[i] != '0') {
            return false;
        }
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
            if (ar[j] != '0') {
                return true;
            }
        }
        return false;
    }

    private static int digitRunEnd(int[] r, int from) {
        int end = from;
        while (end < r.length && Character.isDigit(r[end])) {
            end++;
        }
        return end;
    }

    /** Go accumulates {@code n*10 + (r - '0')} in an int64, wrapping on overflow; so does Java. */
    private static long digitRunValue(int[] r, int from, int end, long seed) {
        long n = seed;
        for (int k = from; k < end; k++) {
            n = n * 10 + (r[k] - '0');
        }
        return n;
    }

    /** A plain merge sort: unlike List.sort it never rejects an inconsistent comparison. */
    private static void mergeSort(List<String> list, int from, int to, List<String> scratch) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(list, from, mid, scratch);
        mergeSort(list, mid, to, scratch);
        for (int k = from; k < to; k++) {
            scratch.set(k, list.get(k));
        }
        int left = from;
        int right = mid;
        for (int k = from; k < to; k++) {
            boolean takeRight = left >= mid || (right < to && less(scratch.get(right), scratch.get(left)));
            list.set(k, takeRight ? scratch.get(right++) : scratch.get(left++));
        }
    }
}
