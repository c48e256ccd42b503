// A set of the values of a small enumeration, held as one word of bits: what a unit accepts
// (case categories, difficulties) is asked once per unit on every assignment, and copied into the
// engine's snapshot of each unit on every intake, so neither should cost a tree or an allocation.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <type_traits>

namespace zeren {

template <class E>
requires std::is_enum_v<E>
class EnumSet {
 public:
  EnumSet() = default;
  EnumSet(std::initializer_list<E> values) {
    for (E v : values) insert(v);
  }
  // From any range of E, such as the std::set a Unit keeps.
  template <class Range>
  requires(!std::is_same_v<std::remove_cvref_t<Range>, EnumSet>) explicit EnumSet(
      const Range& values) {
    for (E v : values) insert(v);
  }

  void insert(E v) { bits_ |= bit(v); }
  bool contains(E v) const { return (bits_ & bit(v)) != 0; }

 private:
  static std::uint64_t bit(E v) {
    // An enumeration of this program with a value outside 0..63 is a programming error.
    const auto n = static_cast<std::make_unsigned_t<std::underlying_type_t<E>>>(v);
    return n < 64 ? std::uint64_t{1} << n : 0;
  }
  std::uint64_t bits_ = 0;
};

}  // namespace zeren
